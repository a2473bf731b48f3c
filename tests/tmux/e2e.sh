#!/usr/bin/env bash
# End to end in a real terminal: the release binary under tmux, keys sent, the screen
# read with capture-pane, and the terminal's modes checked to be restored after quit.
#
# Usage: tests/tmux/e2e.sh [path/to/sma-dash]   (default target/release/sma-dash)
# Builds nothing; exits non-zero and says what failed.
set -euo pipefail

BIN=$(realpath "${1:-target/release/sma-dash}")
[[ -x $BIN ]] || { echo "e2e: no executable at $BIN (build it first)" >&2; exit 2; }
command -v tmux >/dev/null || { echo "e2e: tmux is not installed" >&2; exit 2; }

WORK=$(mktemp -d)
SOCKET="sma-dash-e2e-$$"
T() { tmux -L "$SOCKET" -f /dev/null "$@"; }
cleanup() { T kill-server 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

FAILED=0
PASSES=0
FAILS=0
pass() { echo "ok   $1"; PASSES=$((PASSES + 1)); }
fail() { echo "FAIL $1" >&2; FAILED=1; FAILS=$((FAILS + 1)); }

screen() { T capture-pane -p -t "$1"; }

# Waits until the pane shows $2 (a fixed string), up to 10 seconds.
wait_for() {
    local target=$1 text=$2
    for _ in $(seq 100); do
        if screen "$target" | grep -qF -- "$text"; then return 0; fi
        sleep 0.1
    done
    echo "---- screen of $target while waiting for: $text" >&2
    screen "$target" >&2
    return 1
}

# Waits until the pane no longer shows $2, up to 10 seconds.
wait_gone() {
    for _ in $(seq 100); do
        if ! screen "$1" | grep -qF -- "$2"; then return 0; fi
        sleep 0.1
    done
    return 1
}

# Waits until a file exists (the wrapper writes it after the program exits).
wait_file() {
    for _ in $(seq 100); do [[ -s $1 ]] && return 0; sleep 0.1; done
    return 1
}

# Starts the binary in a new session: the wrapper records its pid, `stty -g` before and
# after, the exit status and standard error, then reads one line raw into `probe` (to
# see whether a paste still comes bracketed) and keeps the pane open to be inspected.
# ENV may hold VAR=value words for the binary's environment.
start() {
    local name=$1 width=$2 height=$3; shift 3
    local dir="$WORK/$name"
    mkdir -p "$dir"
    # Its own data directory and working directory: saved scenarios and exports land
    # there, never in the user's files or the repository.
    cat >"$dir/run.sh" <<SH
cd "$dir"
export XDG_DATA_HOME="$dir/data" XDG_CONFIG_HOME="$dir/config"
stty -g > "$dir/before"
env ${ENV:-} sh -c 'echo \$\$ > "$dir/pid"; exec "\$0" "\$@" 2> "$dir/stderr"' "$BIN" $*
echo \$? > "$dir/status"
stty -g > "$dir/after"
echo "shell prompt back"
IFS= read -r line; printf '%s\n' "\$line" > "$dir/probe"
exec sleep 600
SH
    T new-session -d -s "$name" -x "$width" -y "$height" "sh $dir/run.sh"
}

# Checks the program exited with status $2 (default 0) and gave the terminal back.
check_restored() {
    local name=$1 expected=${2:-0} dir="$WORK/$1"
    if wait_file "$dir/after"; then pass "$name: the program exited"; else fail "$name: the program did not exit"; return; fi
    [[ $(cat "$dir/status") == "$expected" ]] && pass "$name: exit status $expected" || fail "$name: exit status $(cat "$dir/status"), expected $expected"
    if cmp -s "$dir/before" "$dir/after"; then
        pass "$name: stty modes restored"
    else
        fail "$name: stty modes differ: before $(cat "$dir/before") after $(cat "$dir/after")"
    fi
    wait_for "$name" "shell prompt back" >/dev/null || true
    [[ $(T display -p -t "$name" '#{alternate_on}') == 0 ]] && pass "$name: alternate screen left" || fail "$name: still on the alternate screen"
    [[ $(T display -p -t "$name" '#{cursor_flag}') == 1 ]] && pass "$name: cursor visible" || fail "$name: cursor still hidden"
    [[ $(T display -p -t "$name" '#{mouse_any_flag}') == 0 ]] && pass "$name: mouse reporting off" || fail "$name: mouse reporting left on"
    bracketed_paste_off "$name" "$dir/probe"
}

# Pastes a line into pane $1 with `paste-buffer -p`, which brackets it only while the
# program in the pane has bracketed paste on, and checks the line read into file $2
# came plain.
bracketed_paste_off() {
    T set-buffer -b probe "probe"
    T paste-buffer -p -b probe -t "$1"
    T send-keys -t "$1" Enter
    if ! wait_file "$2"; then fail "$1: the paste probe read nothing"; return; fi
    if grep -q $'\e\[200~' "$2"; then fail "$1: bracketed paste left on"; else pass "$1: bracketed paste off"; fi
}

# "2030 ▸ 1,699.9 bn won" → "1,699.9"
value_2030() { screen "$1" | grep -o '2030 ▸ [0-9,.]* bn won' | head -1 | awk '{print $3}'; }

# 1. Find a round, read its detail, raise CPI, see 2030 change, help, resize, quit.
start main 120 40
wait_for main "1 Timeline" && pass "dashboard opens" || fail "dashboard did not open"
T send-keys -t main g / H o n o l u l u Enter
wait_for main "match 1 of" && pass "search finds Honolulu" || fail "search for Honolulu"
T send-keys -t main Enter
wait_for main "Timothy Betts" && wait_for main "10th SMA, round 1" && pass "detail of the 10th SMA's first round" || fail "detail popup"
T send-keys -t main Escape l l l l l l l l l l l l
wait_for main "year 2030" && pass "year cursor at 2030" || fail "year cursor"
wait_for main "2030 ▸ " >/dev/null || true
before=$(value_2030 main)
T send-keys -t main 4 + + + + + + + + + +
wait_for main "→ 3.1 %" && pass "Korean CPI raised to 3.1 %" || fail "raising Korean CPI"
after=$(value_2030 main)
if [[ -n $before && -n $after && $before != "$after" ]]; then
    pass "2030 projection changed: $before → $after bn won"
else
    fail "2030 projection did not change on screen ($before → $after)"
fi
T send-keys -t main '?'
wait_for main "year cursor: previous year" && pass "help overlay" || fail "help overlay"
T send-keys -t main Tab
wait_for main "Security Consultative Meeting" && pass "help glossary page" || fail "help glossary page"
T send-keys -t main Escape
T resize-window -t main -x 50 -y 15
wait_for main "Terminal too small" && pass "too-small screen" || fail "too-small screen"
T resize-window -t main -x 80 -y 24
wait_for main "1 Timeline" && pass "reflows at 80x24" || fail "reflow after resize"
T send-keys -t main q
check_restored main

# 2. With the mouse on and no colour: the mouse is given back too; Ctrl-C quits.
start mouse 100 30 --mouse
wait_for mouse "1 Timeline" && pass "dashboard opens with --mouse" || fail "dashboard with --mouse"
[[ $(T display -p -t mouse '#{mouse_any_flag}') == 1 ]] && pass "mouse reporting on while running" || fail "--mouse did not turn mouse reporting on"
T send-keys -t mouse C-c
check_restored mouse

# 3. Save a scenario with s, export the timeline with e: files in the session's own
#    directories, their paths on the status line.
start files 120 40
wait_for files "1 Timeline" && pass "dashboard opens for files" || fail "dashboard for files"
T send-keys -t files 4 + + + + + s
wait_for files "Save scenario as: scenario 1" && pass "s opens the save prompt" || fail "save prompt"
T send-keys -t files BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace h o t Enter
wait_for files "saved “hot” in $WORK/files/data/sma-dash/scenarios.toml" && pass "saved, and the status line says where" || fail "saving a scenario"
grep -q '^name = "hot"$' "$WORK/files/data/sma-dash/scenarios.toml" && grep -q '^korean_cpi = 2.6$' "$WORK/files/data/sma-dash/scenarios.toml" \
    && pass "scenarios.toml holds the raised CPI" || fail "scenarios.toml content"
T send-keys -t files 1 e
wait_for files "events to /" && screen files | grep -qE "exported [0-9]+ events to /.*/files/sma-dash-events-" \
    && pass "e exports the timeline; the status line counts the events and gives the absolute path" || fail "export from the timeline"
compgen -G "$WORK/files/sma-dash-events-*.csv" >/dev/null && pass "the CSV is in the working directory" || fail "no exported CSV"
T send-keys -t files 2 i
wait_for files "wrote /" && screen files | grep -qE "wrote /.*/files/sma-dash-costs-.*\.svg" \
    && pass "i writes the Costs chart, both files named by absolute path" || fail "i on Costs"
compgen -G "$WORK/files/sma-dash-costs-*.svg" >/dev/null && compgen -G "$WORK/files/sma-dash-costs-*.png" >/dev/null \
    && pass "the SVG and PNG are in the working directory" || fail "no chart images"
T send-keys -t files q
check_restored files

# 4. Scenarios and numbers: pin the $5 bn demand, raise the won per dollar and the chart
#    follows while its title still names the demand; type 3 for Korean CPI; go to 2014
#    and read its figure; the Costs pane as a table of years.
start numbers 120 40
wait_for numbers "1 Timeline" && pass "dashboard opens for numbers" || fail "dashboard for numbers"
T send-keys -t numbers 4 j j j j j j j j j Enter
wait_for numbers "US demand, \$5 bn a year (2019): charted" && wait_for numbers "2 Costs  contribution · demand-5bn" \
    && pass "Enter pins the \$5 bn demand; the Costs title names it" || fail "pinning the demand"
T send-keys -t numbers : 2 0 3 0 Enter
wait_for numbers "2030 ▸ 7,107.0 bn won" && pass "2030 of the demand: 7,107.0 bn won at 1,421 won per dollar" || fail "the demand's 2030 value"
T send-keys -t numbers g j j PageUp
wait_for numbers "Won per dollar: 1,421 ₩/\$ → 1,520 ₩/\$" && pass "won per dollar raised a big step" || fail "raising won per dollar"
wait_for numbers "2030 ▸ 7,600.0 bn won" && pass "the chart follows: 7,600.0 bn won in 2030" || fail "the demand did not follow the rate"
screen numbers | grep -q "2 Costs  contribution · demand-5bn" && pass "the title still names the demand" || fail "the pin moved"
T send-keys -t numbers g = 3 Enter
wait_for numbers "Korean CPI inflation: 2.1 % → 3.0 %" && pass "typed 3 for Korean CPI" || fail "typing a value"
T send-keys -t numbers : 2 0 1 4 Enter
wait_for numbers "2014 ▸ 920.0 bn won · recorded, as published · confirmed" && pass ":2014 shows 2014's figure, as published" || fail "going to 2014"
T send-keys -t numbers 2 t
# The focused pane's border is thick: ┃.
wait_for numbers "2 Costs  as a table" && screen numbers | grep -q "┃2013 " && screen numbers | grep -q "┃2014 " \
    && pass "t shows the years as rows" || fail "the Costs table"
T send-keys -t numbers q
check_restored numbers

# 5. Sources one key away, at 80x24: the 12th SMA's detail scrolls with G to its last
#    source, whose URL stands whole on one row (sent as an OSC 8 hyperlink, which must
#    leave no stray characters); J steps to the next event; Enter on a Costs year opens
#    that figure's detail with its sources.
start sources 80 24
wait_for sources "1 Timeline" && pass "dashboard opens for sources" || fail "dashboard for sources"
T send-keys -t sources G [ Enter
wait_for sources "12th SMA · 2026–2030 · confirmed" && wait_for sources "more below" \
    && pass "the 12th SMA's detail opens, more below" || fail "the 12th SMA's detail"
LAST_URL="https://m.koreatimes.co.kr/pages/article.amp.asp?newsIdx=383755"
T send-keys -t sources G
wait_for sources "$LAST_URL" && pass "G scrolls the detail to its last source's URL" || fail "G to the last source"
screen sources | grep -qF "│  $LAST_URL " && pass "the last URL stands whole on its own row" || fail "the last URL is not whole on its row"
screen sources | grep -qE '8;;|\]8' && fail "stray hyperlink characters on screen" || pass "no stray hyperlink characters"
T send-keys -t sources k
wait_for sources "more below" && pass "k scrolls back up" || fail "k in the detail"
T send-keys -t sources J
wait_for sources "12th SMA negotiators named" && pass "J steps to the next event" || fail "J in the detail"
T send-keys -t sources Escape 2 : 2 0 1 4 Enter Enter
wait_for sources "As published: 920.0 bn won (9,200억원), agreed in won" && wait_for sources "Also reported: \$866.86 m reported" \
    && wait_for sources "Sources of the figure:" \
    && pass "Enter on 2014 in Costs: the figure as published, its sources" || fail "the figure detail"
T send-keys -t sources G
wait_for sources "R02 US, South Korea to begin military cost-sharing negotiations" && pass "G: the figure's last source" || fail "G in the figure detail"
T send-keys -t sources Enter
wait_for sources "2 Costs" && ! screen sources | grep -q "Sources of the figure" && pass "Enter closes the figure detail" || fail "Enter did not close the figure detail"
T send-keys -t sources q
check_restored sources
# 6. The timeline in order: o lists every event by date (the dates of the rows on screen
#    never go back, at the top or further on), and a search for "10 billion" finds the
#    demand written "$10 billion a year".
# The dates of the timeline rows on screen, one a line, in screen order.
# (A list row has its mark column, blank or ◇, before the date; the detail has none.)
row_dates() { screen "$1" | grep -oE '^[│┃][ ◇][0-9]{4}(-[0-9]{2}){0,2} ' | grep -oE '[0-9]{4}(-[0-9]{2}){0,2}'; }
# Whether the dates of the rows on screen run in order (a month before its days, as
# text sorts them); at least five rows read.
dates_in_order() {
    # Read again for a while: a screen read mid-redraw (after keys just sent) can hold
    # rows of two frames.
    local dates
    for _ in $(seq 30); do
        dates=$(row_dates "$1")
        [[ $(wc -l <<<"$dates") -ge 5 ]] && LC_ALL=C sort -c <<<"$dates" 2>/dev/null && return 0
        sleep 0.1
    done
    return 1
}
start order 120 40
wait_for order "1 Timeline" && pass "dashboard opens for the order" || fail "dashboard for the order"
T send-keys -t order o
wait_for order "· by date" && pass "o: the title says by date" || fail "o did not order by date"
dates_in_order order && pass "by date: the rows' dates on screen are in order ($(row_dates order | head -1) …)" || fail "by date: dates out of order: $(row_dates order | tr '\n' ' ')"
T send-keys -t order g
wait_for order "1991" >/dev/null || true
dates_in_order order && pass "by date, from the top: dates in order ($(row_dates order | head -1) …)" || fail "by date, top: dates out of order: $(row_dates order | tr '\n' ' ')"
T send-keys -t order PageDown PageDown PageDown
dates_in_order order && pass "by date, three pages on: dates in order" || fail "by date, paged: dates out of order: $(row_dates order | tr '\n' ' ')"
T send-keys -t order / 1 0 Space b i l l i o n Enter
wait_for order " for “10 billion”" && ! screen order | grep -qF "no match" && pass "/10 billion finds matches" || fail "/10 billion found nothing"
found=0
for _ in $(seq 10); do
    if screen order | grep -qF "Place: Chicago (Economic Club of Chicago)"; then found=1; break; fi
    T send-keys -t order n
    sleep 0.2
done
[[ $found == 1 ]] && pass "/10 billion finds the demand of \"\$10 billion a year\"" || fail "/10 billion never reached the \$10 billion demand"
T send-keys -t order q
check_restored order

# 7. Overlays and prompts close with q or Esc; q quits only from the dashboard itself.
start overlays 100 30
wait_for overlays "1 Timeline" && pass "dashboard opens for overlays" || fail "dashboard for overlays"
T send-keys -t overlays '?'
wait_for overlays "q/Esc       close the help" && pass "? opens the help" || fail "help overlay"
T send-keys -t overlays q
wait_gone overlays "close the help" && [[ ! -e $WORK/overlays/after ]] && pass "q closes the help, the program runs on" || fail "q in the help"
T send-keys -t overlays Enter
# The detail's own keys on the status line: its sources may be below the fold.
wait_for overlays "J/K next" && T send-keys -t overlays q
wait_gone overlays "J/K next" && [[ ! -e $WORK/overlays/after ]] && pass "q closes the detail" || fail "q in the detail"
T send-keys -t overlays s q
wait_for overlays "Save scenario as: q" && pass "in a prompt q is a letter" || fail "q in the save prompt"
T send-keys -t overlays Escape
wait_for overlays "not saved" && pass "Esc closes the prompt" || fail "Esc in the save prompt"
T send-keys -t overlays q
check_restored overlays

# 8. A bracketed paste: into the dashboard it runs nothing (its q, s and e neither quit,
#    save nor export); into the search it is the query, as one edit.
start paste 100 30 --mouse
wait_for paste "1 Timeline" && pass "dashboard opens for pastes" || fail "dashboard for pastes"
T set-buffer -b words "see the 2014 figure, then quit and export"
T paste-buffer -p -b words -t paste
wait_for paste "paste ignored" && pass "a paste into the dashboard is ignored, and says so" || fail "paste into the dashboard"
sleep 0.3
[[ ! -e $WORK/paste/after ]] && pass "the paste did not quit" || fail "the paste quit"
! screen paste | grep -q "Save scenario as" && pass "no prompt opened by the paste" || fail "a prompt opened"
[[ -z $(find "$WORK/paste" -name '*.csv' -o -name 'scenarios.toml') ]] && pass "no file written by the paste" || fail "the paste wrote a file"
# Whatever came before: Alt-[ and Alt-Shift-O leave a sequence unfinished, which took
# the paste's own ESC; the paste is still one paste.
T set-buffer -b quit "quit, then export"
for before in 'M-[' 'M-O'; do
    T send-keys -t paste "$before"
    sleep 0.2
    T paste-buffer -p -b quit -t paste
    sleep 0.5
    [[ ! -e $WORK/paste/after ]] && pass "a paste after $before did not quit" || fail "a paste after $before quit"
    [[ -z $(find "$WORK/paste" -name '*.csv' -o -name 'scenarios.toml') ]] && pass "a paste after $before wrote nothing" || fail "a paste after $before wrote a file"
done
T set-buffer -b name "Honolulu"
T send-keys -t paste /
wait_for paste "Enter: keep" >/dev/null || true
T paste-buffer -p -b name -t paste
T send-keys -t paste Enter
wait_for paste "for “Honolulu”" && pass "a paste into the search is its query" || fail "paste into the search"
T send-keys -t paste q
check_restored paste

# 9. Ctrl-Z in bash: back to the shell with the terminal as it was (stty modes, main
#    screen, cursor, no mouse, no bracketed paste), fg redraws, q quits with status 0.
#    SIGTSTP from outside does the same.
dir="$WORK/jobs"
mkdir -p "$dir/data"
T new-session -d -s jobs -x 100 -y 30 "env PS1='$ ' HISTFILE=/dev/null bash --norc --noprofile -i"
wait_for jobs '$' >/dev/null
# Readline brackets pastes itself: off, so the probe sees only what the program left.
T send-keys -t jobs "bind 'set enable-bracketed-paste off'; cd '$dir'; export XDG_DATA_HOME='$dir/data'" Enter
T send-keys -t jobs "stty -g > before; '$BIN' --mouse" Enter
wait_for jobs "1 Timeline" && pass "jobs: dashboard opens under bash" || fail "jobs: dashboard under bash"
suspended() {
    local how=$1
    wait_for jobs "Stopped" >/dev/null && pass "jobs: $how stops the program, the shell is back" || { fail "jobs: $how did not stop the program"; return; }
    [[ $(T display -p -t jobs '#{alternate_on}') == 0 ]] && pass "jobs: $how: alternate screen left" || fail "jobs: $how: still on the alternate screen"
    [[ $(T display -p -t jobs '#{cursor_flag}') == 1 ]] && pass "jobs: $how: cursor visible" || fail "jobs: $how: cursor hidden"
    [[ $(T display -p -t jobs '#{mouse_any_flag}') == 0 ]] && pass "jobs: $how: mouse reporting off" || fail "jobs: $how: mouse reporting on"
    rm -f "$dir/probe" "$dir/after"
    T send-keys -t jobs "stty -g > after; IFS= read -r line; printf '%s\n' \"\$line\" > probe" Enter
    sleep 0.3
    bracketed_paste_off jobs "$dir/probe"
    wait_file "$dir/after" && cmp -s "$dir/before" "$dir/after" && pass "jobs: $how: stty modes as before the program" || fail "jobs: $how: stty modes differ"
    T send-keys -t jobs clear Enter
    T send-keys -t jobs fg Enter
    wait_for jobs "1 Timeline" && [[ $(T display -p -t jobs '#{alternate_on}') == 1 ]] && pass "jobs: fg takes the terminal again and redraws" || fail "jobs: fg did not redraw"
}
T send-keys -t jobs C-z
suspended "Ctrl-Z"
pid=$(T display -p -t jobs '#{pane_pid}')
child=$(pgrep -P "$pid" -f "$(basename "$BIN")" | head -1 || true)
if [[ -n $child ]]; then kill -TSTP "$child"; suspended "kill -TSTP"; else fail "jobs: no program to send SIGTSTP to"; fi
T send-keys -t jobs q
# Nothing typed until the program is gone: it would take the keys.
for _ in $(seq 100); do [[ $(T display -p -t jobs '#{alternate_on}') == 0 ]] && break; sleep 0.1; done
sleep 0.3
T send-keys -t jobs 'echo "exit status $?"' Enter
wait_for jobs "exit status 0" && pass "jobs: q quits with status 0" || fail "jobs: exit status after fg"

# 9b. Stopped, then killed: Ctrl-Z, `kill %1` (SIGTERM, then SIGCONT from bash), and the
#     terminal is given back for good, however the signal and the continue race.
dir="$WORK/killed"
mkdir -p "$dir/data"
T new-session -d -s killed -x 100 -y 30 "env PS1='$ ' HISTFILE=/dev/null bash --norc --noprofile -i"
wait_for killed '$' >/dev/null
T send-keys -t killed "cd '$dir'; export XDG_DATA_HOME='$dir/data'" Enter
for run in 1 2 3 4; do
    T send-keys -t killed clear Enter
    T send-keys -t killed "'$BIN'" Enter
    wait_for killed "1 Timeline" >/dev/null || { fail "killed $run: dashboard did not open"; continue; }
    T send-keys -t killed C-z
    wait_for killed "Stopped" >/dev/null || { fail "killed $run: Ctrl-Z did not stop it"; continue; }
    T send-keys -t killed "kill %1; sleep 0.5; jobs; echo done-$run" Enter
    wait_for killed "done-$run" >/dev/null || true
    sleep 0.3
    [[ $(T display -p -t killed '#{alternate_on}') == 0 && $(T display -p -t killed '#{cursor_flag}') == 1 ]] \
        && pass "killed $run: stopped then killed, the terminal is back" \
        || fail "killed $run: stopped then killed left the alternate screen or a hidden cursor"
    T send-keys -t killed 'fg 2>/dev/null; reset -I 2>/dev/null; tput cnorm; clear' Enter
    sleep 0.3
done

# 9c. A terminal that says it is 65535x65535: drawn at the cap, quit, given back.
T send-keys -t killed clear Enter
T send-keys -t killed "stty cols 65535 rows 65535; '$BIN'; echo \"huge exit \$?\"; stty cols 100 rows 30" Enter
sleep 3
T send-keys -t killed q
wait_for killed "huge exit 0" >/dev/null && pass "65535x65535: drawn at the cap, q quits with 0" || fail "65535x65535: no clean exit"
[[ $(T display -p -t killed '#{alternate_on}') == 0 ]] && pass "65535x65535: alternate screen left" || fail "65535x65535: still on the alternate screen"
# 9d. The writer's journey: `2`, `:2014`, `y` puts the 2014 figure with its sources and
# whole URLs on the clipboard (OSC 52, which tmux takes with set-clipboard on); the same
# for an event and for a source in `S`. Delete (DC, ESC [ 3 ~) deletes under the cursor
# in a prompt, and the `:` prompt keeps its label beside an error.
T set -g set-clipboard on
start cite 80 24
wait_for cite "1 Timeline" >/dev/null || fail "cite: dashboard did not open"
T send-keys -t cite 2 : 2 0 1 4 Enter y
wait_for cite "copied the 2014 contribution with sources" >/dev/null \
    && pass "cite: y says what it copied" || fail "cite: no message after y"
T show-buffer | grep -qF "Korea's SMA contribution, 2014: 920.0 billion won" \
    && T show-buffer | grep -qF "https://thestar.com.my/news/world/2014/01/12/south-korea-to-contribute-867-million-for-us-military-forces-in-2014" \
    && pass "cite: the clipboard holds the 2014 figure and its whole URLs" \
    || fail "cite: the clipboard after y: $(T show-buffer 2>&1 | head -3)"
T send-keys -t cite 1 / '"round 1"' ' ' Honolulu Enter y
wait_for cite "copied the event of 2018-03-07" >/dev/null \
    && T show-buffer | grep -qF "https://koreajoongangdaily.joins.com/2018/03/12/politics/Costsharing-talks-finish-first-round-in-Hawaii/3045529.html" \
    && pass "cite: an event and its sources copied" || fail "cite: the event after y"
T send-keys -t cite S / f i n i s h Space f i r s t Space r o u n d Space h a w a i i Enter y
wait_for cite "copied source R29" >/dev/null \
    && T show-buffer | grep -qF "[R29] Cost-sharing talks finish first round in Hawaii" \
    && pass "cite: a source copied from S" || fail "cite: the source after y in S"
T send-keys -t cite q : 2 0 1 4 Home DC
wait_for cite "Go to year (1991–2035): 014" >/dev/null \
    && pass "cite: Delete deletes under the cursor" || fail "cite: Delete in the : prompt"
T send-keys -t cite Enter
wait_for cite "Go to year: 014  expected a year" >/dev/null \
    && pass "cite: the : prompt keeps its label with an error" || fail "cite: the : prompt's error"
T send-keys -t cite Escape q
check_restored cite

# 9e. The hosts: H turns to Japan (its own events, the HNS total by fiscal year, its
# troops with the 2008 counting change), then both side by side; `--host all` starts on
# both. "How does Korea's payment compare with Japan's, per US service member, in
# dollars?": Costs, `cc` (the measure picker), `:2014`, then Enter gives both values with
# what each is and every input's sources, and y copies both. At 80x24 and 120x40, where
# % of GDP, the table (t), the export (e, byte for byte `export measures`) and the image
# (i, byte for byte `chart hosts --measure gdp`) follow.
start hosts 80 24
wait_for hosts "1 Timeline" >/dev/null || fail "hosts: dashboard did not open"
T send-keys -t hosts H
wait_for hosts "Japan │ year" >/dev/null && wait_for hosts "█ HNS total ▒" >/dev/null \
    && pass "hosts: H shows Japan, its series said to be the HNS total" || fail "hosts: H to Japan"
screen hosts | grep -qF "counting chan" && ! screen hosts | grep -qF "28,500" \
    && pass "hosts: Japan's troops mark the 2008 counting change, not 28,500" \
    || fail "hosts: Japan's troops pane"
T send-keys -t hosts H
wait_for hosts "Korea + Japan │ year" >/dev/null && wait_for hosts "JP HNS (FY)" >/dev/null \
    && pass "hosts: H again shows both, the legend naming each series" || fail "hosts: H to both"
screen hosts | grep -qE "^[│┃] (KR|JP) [0-9]{4}" \
    && pass "hosts: the merged timeline has a host column" || fail "hosts: no host column"
T send-keys -t hosts 2 c c : 2 0 1 4 Enter
wait_for hosts "KR 2014 ▸ \$30.07 k · derived" >/dev/null \
    && wait_for hosts "JP FY2014 ▸ \$32.00 k · derived" >/dev/null \
    && screen hosts | grep -qF "⣿ KR SMA  ◆ JP HNS (FY)  ▼ 2014" \
    && screen hosts | grep -qF "Per US service member · Ko" \
    && pass "hosts: c c picks per US service member: 2014 in dollars, Korea beside Japan's FY2014" \
    || fail "hosts: per member in 2014"
T send-keys -t hosts Enter
wait_for hosts "is: HNS total (not the SMA portion)" >/dev/null \
    && screen hosts | grep -qF "is: SMA total, as agreed" \
    && pass "hosts: Enter gives each figure's definition on the first page" \
    || fail "hosts: the definitions after Enter"
T send-keys -t hosts j j j j j j j j j j G
wait_for hosts "Sources of the troop count:" >/dev/null \
    && pass "hosts: the detail gives Japan's fiscal year and every input's sources" \
    || fail "hosts: the detail's sources"
T send-keys -t hosts q y
wait_for hosts "copied Korea's and Japan's 2014 figures, per US service member, with sources" >/dev/null \
    && T show-buffer | grep -qF "Japan, FY2014 (Apr 2014–Mar 2015): \$32.00 k" \
    && pass "hosts: y copies both figures in the measure" || fail "hosts: y with both"
T send-keys -t hosts 3
wait_for hosts "⣿ KR DMDC ◆ JP DMDC ▼ 2014 ╎ JP 2008" >/dev/null \
    && pass "hosts: the Troops legend of both fits at 80x24 with the year and the 2008 change" \
    || fail "hosts: the Troops legend of both at 80x24"
T send-keys -t hosts m
wait_for hosts "both hosts: Costs draws Korea's line" >/dev/null \
    && pass "hosts: m with both hosts says why it does nothing" || fail "hosts: m with both"
T send-keys -t hosts H
wait_for hosts "host: Korea: the Special Measures Agreements" >/dev/null \
    && ! screen hosts | grep -qF "Korea + Japan" \
    && pass "hosts: H a third time is back on Korea alone" || fail "hosts: back to Korea"
T send-keys -t hosts q
check_restored hosts
start hostsall 120 40 --host all
wait_for hostsall "Korea + Japan │ year" >/dev/null && wait_for hostsall "Korea vs Japan" >/dev/null \
    && pass "hosts: --host all starts on both at 120x40" || fail "hosts: --host all"
T send-keys -t hostsall 2
wait_for hostsall "r real" >/dev/null \
    && ! screen hostsall | tail -1 | grep -qE "m bars/line|p projections" \
    && pass "hosts: with both, the status line offers r but not m or p" \
    || fail "hosts: the status line with both"
T send-keys -t hostsall 2 c c : 2 0 1 4 Enter
wait_for hostsall "KR 2014 ▸ \$30.07 k · derived" >/dev/null \
    && wait_for hostsall "JP FY2014 ▸ \$32.00 k · derived" >/dev/null \
    && pass "hosts: per member at 120x40" || fail "hosts: per member at 120x40"
T send-keys -t hostsall c c
wait_for hostsall "% of GDP · Korea vs Japan" >/dev/null \
    && wait_for hostsall "KR 2014 ▸ 0.056 % · derived" >/dev/null \
    && pass "hosts: c c again: % of GDP" || fail "hosts: % of GDP"
T send-keys -t hostsall t
wait_for hostsall "% of the host's nominal GDP (% of GDP)" >/dev/null \
    && screen hostsall | grep -qE "2014 +0\.056 der FY2014" \
    && pass "hosts: t shows both hosts in the measure as a table" || fail "hosts: t with both"
T send-keys -t hostsall e
wait_for hostsall "exported " >/dev/null || fail "hosts: e with both"
exported=$(ls "$WORK/hostsall"/sma-dash-measures-*.csv 2>/dev/null | head -1)
(cd "$WORK/hostsall" && XDG_DATA_HOME="$WORK/hostsall/data" XDG_CONFIG_HOME="$WORK/hostsall/config" \
    "$BIN" export measures --host all > "$WORK/hostsall/cli.csv")
[[ -n $exported ]] && cmp -s "$exported" "$WORK/hostsall/cli.csv" \
    && pass "hosts: e writes what export measures --host all writes, byte for byte" \
    || fail "hosts: e's file differs from export measures --host all"
T send-keys -t hostsall t i
wait_for hostsall "wrote " >/dev/null || fail "hosts: i with both"
image=$(ls "$WORK/hostsall"/sma-dash-hosts-*.svg 2>/dev/null | head -1)
(cd "$WORK/hostsall" && XDG_DATA_HOME="$WORK/hostsall/data" XDG_CONFIG_HOME="$WORK/hostsall/config" \
    "$BIN" chart hosts --measure gdp --svg "$WORK/hostsall/cli.svg")
[[ -n $image ]] && cmp -s "$image" "$WORK/hostsall/cli.svg" \
    && pass "hosts: i on % of GDP writes what chart hosts --measure gdp draws, byte for byte" \
    || fail "hosts: i's image differs from chart hosts --measure gdp"
T send-keys -t hostsall 1 f
wait_for hostsall "Timeline  Korea · " >/dev/null \
    && pass "hosts: f filters to Korea's events first" || fail "hosts: the host filter"
T send-keys -t hostsall q
check_restored hostsall
# 9f. Japan's share estimates and sources: `A` lists every estimate under its measure
# and what it counts; Enter shows one whole, y copies it with its sources. `S` finds
# Japan's figures from their source, alone and beside Korea's.
start sharesjp 80 24 --host jp
wait_for sharesjp "Japan │ year" >/dev/null || fail "shares: --host jp did not open"
T send-keys -t sharesjp A
wait_for sharesjp "Share of US stationing cost" >/dev/null \
    && screen sharesjp | grep -qF "DoD U.S. cost offset percentage (2004 Statistical Compendium)" \
    && screen sharesjp | grep -qF "US military pay excluded · host's indirect support included" \
    && screen sharesjp | grep -qF "Definition: " \
    && pass "shares: A lists the estimates under their measure and what it counts" \
    || fail "shares: A"
T send-keys -t sharesjp j Enter
wait_for sharesjp "Share estimate · dod-2004-jp" >/dev/null \
    && screen sharesjp | grep -qF "Value: 74.5 %" \
    && pass "shares: Enter shows Japan's 2002 estimate whole" || fail "shares: Enter"
T send-keys -t sharesjp q y
wait_for sharesjp "copied the Japan estimate of 2002 with sources" >/dev/null \
    && T show-buffer | grep -qF "Japan, 2002: 74.5 % — DoD U.S. cost offset percentage" \
    && T show-buffer | grep -qF "[J65] " \
    && pass "shares: y copies the estimate with its definition and sources" || fail "shares: y"
T send-keys -t sharesjp q S / J 5 5 Enter Enter
wait_for sharesjp "the FY2020 contribution" >/dev/null \
    && pass "sources: Japan alone, S finds Japan's FY2020 payment from its source" \
    || fail "sources: Japan's figures under their source"
# q back to the list, q to close it (Esc then a key would read as Alt and the key).
T send-keys -t sharesjp q q H S / J 5 5 Enter Enter
wait_for sharesjp "Japan: the FY2020 contribution" >/dev/null \
    && pass "sources: with both hosts, S finds Japan's figures too" \
    || fail "sources: Japan's figures with both hosts"
# The search starts from the last one: Ctrl-U clears it.
T send-keys -t sharesjp q / C-u J 7 0 Enter Enter
wait_for sharesjp "share estimate gao-21-270-jp" >/dev/null \
    && pass "sources: a source lists the share estimates that cite it" \
    || fail "sources: share estimates under their source"
T send-keys -t sharesjp q q q
check_restored sharesjp
mkdir -p "$WORK/koreaonly"
# Korea's seven files: the share estimates (shares.toml) cite Japan's sources too.
for f in dataset sources agreements contributions events troops economy; do
    cp "$(dirname "$0")/../../assets/$f.toml" "$WORK/koreaonly/"
done
start koreaonly 80 24 --data "$WORK/koreaonly"
wait_for koreaonly "1 Timeline" >/dev/null || fail "koreaonly: dashboard did not open"
T send-keys -t koreaonly H
wait_for koreaonly "no Japan dataset" >/dev/null \
    && pass "hosts: without japan/, H says so" || fail "hosts: H without Japan"
T send-keys -t koreaonly q
check_restored koreaonly

# 10. Every other way out: an error after start, a panic, and the signals that end a
# session from outside (kill, a dropped SSH connection, an interrupt from another
# process). Each with the mouse on, so mouse reporting must be given back too.
for path in error panic; do
    ENV="SMA_DASH_DEBUG_FAIL=$path" start "$path" 80 24 --mouse
    expected=2; [[ $path == panic ]] && expected=101
    check_restored "$path" "$expected"
    grep -q "deliberate" "$WORK/$path/stderr" && pass "$path: says why on stderr" || fail "$path: no message on stderr"
done
for signal in TERM HUP INT; do
    name="sig$signal"
    start "$name" 80 24 --mouse
    wait_for "$name" "1 Timeline" >/dev/null || fail "$name: dashboard did not open"
    wait_file "$WORK/$name/pid" && kill -s "$signal" "$(cat "$WORK/$name/pid")"
    check_restored "$name" $((128 + $(kill -l "$signal")))
done

# The closing line CI reads: counts of checks passed and failed.
echo "e2e: $PASSES passed, $FAILS failed"
exit "$FAILED"
