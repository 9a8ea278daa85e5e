"""Threads that hit the database at the same moment, for the PostgreSQL race tests (real row locks)."""

import threading

from django.db import connection


def at_once(count: int, work) -> list:
    """Run `work(i)` in `count` threads released together by a barrier; results (or exceptions) by index."""
    barrier = threading.Barrier(count)
    results: list = [None] * count

    def run(index: int) -> None:
        try:
            barrier.wait(timeout=60)
            results[index] = work(index)
        except BaseException as exc:  # noqa: BLE001 - the test inspects whatever happened
            results[index] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a thread hung (deadlock?)"
    return results
