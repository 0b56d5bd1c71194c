// Placeholder: filled in by issue #4 work.

export function install() {}
