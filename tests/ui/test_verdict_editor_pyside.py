"""Guard against the PySide6 6.12.0 regression that killed the GUI after a few hundred signals.

In 6.12.0, ``SignalInstance.emit`` returns ``True`` without owning a reference to it, so every
signal emitted from Python (the verdict editor's edits, every model's dataChanged) drops one
reference to ``True`` until Python aborts with "bool_dealloc: deallocating True or False".
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(int, dict)


def test_emitting_signals_does_not_consume_references_to_true(qtbot):
    emitter = _Emitter()
    received = []
    emitter.fired.connect(lambda claim_id, changes: received.append(claim_id))
    before = sys.getrefcount(True)
    for claim_id in range(200):
        emitter.fired.emit(claim_id, {"status": "checked"})
    assert len(received) == 200
    # Other code may take or drop a few references meanwhile; the bug loses one per emit.
    assert sys.getrefcount(True) - before > -50
