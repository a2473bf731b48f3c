//! An SVG drawn as a PNG with resvg, its text set in the DejaVu Sans embedded in the
//! binary: the image reads the same whatever fonts the machine has.

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

use super::Size;

const REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// The embedded faces, and nothing from the system.
fn fonts() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            db.load_font_source(usvg::fontdb::Source::Binary(Arc::new(REGULAR)));
            db.load_font_source(usvg::fontdb::Source::Binary(Arc::new(BOLD)));
            db.set_sans_serif_family("DejaVu Sans");
            Arc::new(db)
        })
        .clone()
}

/// `svg` drawn at `size` as a PNG file's bytes.
pub fn to_png(svg: &str, size: Size) -> Result<Vec<u8>, String> {
    let options = usvg::Options {
        font_family: "DejaVu Sans".into(),
        fontdb: fonts(),
        ..usvg::Options::default()
    };
    let tree =
        usvg::Tree::from_str(svg, &options).map_err(|e| format!("cannot draw the SVG: {e}"))?;
    let mut pixmap = tiny_skia::Pixmap::new(size.width, size.height)
        .ok_or_else(|| format!("cannot make a {}×{} image", size.width, size.height))?;
    let scale = tiny_skia::Transform::from_scale(
        size.width as f32 / tree.size().width(),
        size.height as f32 / tree.size().height(),
    );
    resvg::render(&tree, scale, &mut pixmap.as_mut());
    pixmap
        .encode_png()
        .map_err(|e| format!("cannot encode the PNG: {e}"))
}
