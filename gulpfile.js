// The static half of `npm run build` (tsc emits the code): icons and codex files into dist/.
// tsc does not copy SVGs, and codex JSON (`*.node.json`) is not imported by any module, so tsc skips it too.
const { src, dest, parallel } = require('gulp');

function copyIcons() {
	return src('icons/*.svg').pipe(dest('dist/icons'));
}

function copyCodex() {
	return src('nodes/**/*.node.json').pipe(dest('dist/nodes'));
}

exports.build = parallel(copyIcons, copyCodex);
exports.default = exports.build;
