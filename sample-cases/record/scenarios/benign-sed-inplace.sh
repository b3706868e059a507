# Web developer rewrites hostnames with sed -i across the web roots (sed writes a temp file and renames it
# over each original), three substitutions => hundreds of rewrites.
HOST=web01.corp.example
SUMMARY="Benign: carol runs sed -i three times over every html/php/css/js file of both web roots (~300 files) (sed writes ./sedXXXXXX then renames over the original): hundreds of rewrite+rename operations."
targets() { find "$RT_ROOT/var/www" -type f \( -name '*.html' -o -name '*.php' -o -name '*.css' -o -name '*.js' \); }
scenario_prepare() {
    # the intranet knowledge base: 240 more small pages, so the rewrite covers hundreds of files
    local i src=$(find "$RT_ROOT/var/www/intranet" -maxdepth 1 -name '*.html' | sort | head -1)
    mkdir -p "$RT_ROOT/var/www/intranet/kb"
    for i in $(seq -w 1 240); do sed "s/<p class=/<p id=\"kb$i\" class=/" "$src" > "$RT_ROOT/var/www/intranet/kb/article-$i.html"; echo "<p>KB article $i</p>" >> "$RT_ROOT/var/www/intranet/kb/article-$i.html"; done
    chown -R carol:carol "$RT_ROOT/var/www/intranet/kb"
    N_FILES=$(targets | wc -l)
}
scenario_run() {
    as_login carol "cd /srv/rt-lab/var/www && find . -type f \( -name '*.html' -o -name '*.php' -o -name '*.css' -o -name '*.js' \) -exec sed -i 's/customer/client/g' {} + && find . -type f \( -name '*.html' -o -name '*.php' \) -exec sed -i -e 's/class=\"/class=\"v2-/g' {} + && find . -type f \( -name '*.css' -o -name '*.js' -o -name '*.php' -o -name '*.html' \) -exec sed -i '1i /* (c) 2026 Example Corp */' {} +"
}
scenario_verify() { rt_check rewritten "$(grep -rl '(c) 2026 Example Corp' "$RT_ROOT/var/www" | wc -l)" "$N_FILES"; }
scenario_truth() { echo "expected: none"; echo "lookAlike: \"sed -i over $N_FILES files, three passes (temp file + rename over original)\""; }
