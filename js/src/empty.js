// An empty module: what a bundled package imports only for its side effects
// and the bridge does not want (see ALIASES in scripts/build_js.py).
