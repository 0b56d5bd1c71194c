"""The virtual OS: errors, paths, the filesystem layer, permissions.

Nothing here imports from `_engine` or `_node`; the layering test checks it.
"""
