// Builtins of the `unsupported` and `later` tiers (docs/builtins.md): they get
// no factory, so loadBuiltin() (modules.js) throws `<module> is not supported
// in sandbox` (ERR_NOT_SUPPORTED_IN_SANDBOX) for require and import alike,
// every time. Nothing is registered for them on purpose: the first execution
// of a worker calls every factory to learn export names, and a factory that
// throws would break that. tests/builtins/test_tiers.py checks the table.

export function install() {}
