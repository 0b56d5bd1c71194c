"""Storage backends for the kernel's mount table (public names live in `secure_exec.vfs`).

`_memory`: the in-memory inode filesystem every runtime starts from.
"""
