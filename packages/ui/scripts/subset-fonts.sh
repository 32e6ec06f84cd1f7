#!/bin/sh
# Makes the two small font files in src/fonts/ from the @fontsource packages (Noto fonts, SIL
# Open Font License): the Kannada glyphs of the language switch's "ಕನ್ನಡ", so a page shown in
# English draws that one word without downloading the whole Kannada font, and the rupee sign, so
# an English page needs no Latin Extended file for "₹". Run again after updating @fontsource.
# Needs fontTools with brotli (pip install fonttools brotli; Debian: python3-fonttools python3-brotli).
set -eu
cd "$(dirname "$0")/.."
fonts=node_modules/@fontsource
for weight in 400 700; do
  python3 -m fontTools.subset "$fonts/noto-sans-kannada/files/noto-sans-kannada-kannada-$weight-normal.woff2" \
    --text='ಕನ್ನಡ' --layout-features='*' --flavor=woff2 \
    --output-file="src/fonts/language-names-$weight.woff2"
  python3 -m fontTools.subset "$fonts/noto-sans/files/noto-sans-latin-ext-$weight-normal.woff2" \
    --unicodes=U+20B9 --flavor=woff2 \
    --output-file="src/fonts/rupee-$weight.woff2"
done
