# erin converts a photo library over ssh: mogrify writes WebP and PNG versions, the JPEG originals are removed,
# thumbnails are generated into a new tree.
HOST=media01.corp.example
SUMMARY="Benign: erin (ssh) converts the NAS photo library in bulk: mogrify -format webp -quality 80 per year folder, then rm of the JPEG originals; thumbnails with mogrify -path thumbs -resize 160x160. Host rule set."
VOL=/srv/rt-lab/volume1
scenario_prepare() {
    /usr/bin/python3 "$RT_RECORD_DIR/make-extra.py" nas "$VOL" 8181 1105
    # real JPEGs for ImageMagick (the extra tree's .jpg are random bytes)
    local f
    for f in $(find "$VOL/Multimedia/Photos" -name '*.jpg'); do
        convert -size 96x64 "plasma:fractal" -seed "$(cksum < "$f" | cut -c1-5)" "$f" 2>/dev/null || convert -size 96x64 xc:gray "$f"
    done
    chown -R erin:erin "$VOL"
}
scenario_run() {
    as_ssh erin "cd $VOL/Multimedia/Photos && for y in */; do (cd \$y && mogrify -format webp -quality 80 *.jpg && mkdir -p thumbs && mogrify -path thumbs -resize 160x160 -format png *.webp && rm -f *.jpg); done"
}
scenario_verify() { rt_check jpegs-left "$(find "$VOL/Multimedia" -name '*.jpg' | wc -l)" 0; }
scenario_truth() {
    echo "split: held-out   # recorded after the detector change (issue 16), never used to tune it"
    echo "expected: none"
    echo "lookAlike: \"a bulk format conversion: new files written, originals deleted\""
}
