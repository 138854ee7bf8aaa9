import gc
import sys

# A start imports ~150 pydantic models and FastAPI's routes and reads the graph, and leaves next to no cyclic garbage:
# the collector's passes over those young objects cost ~60 ms of CPU per start (docs/performance.md, cold start).
# cli.main() turns it back on: at once for a one-off command, once the graph is loaded for `serve`.
gc.disable()

from .cli import main  # noqa: E402

sys.exit(main())
