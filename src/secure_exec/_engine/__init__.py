"""V8 behind one narrow seat: worker processes, their supervision and the frame protocol.

Only `_v8.py` imports the V8 binding, and it runs inside worker processes, never in
the host. The host side (`_pool.py`) speaks frames (`_protocol.py`) to the workers.
"""
