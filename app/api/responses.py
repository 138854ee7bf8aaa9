"""A JSON response that serialises a pydantic model with pydantic-core directly.

Routes keep ``response_model=`` for the OpenAPI document but return ``ModelResponse(model)``: the
model was built by our own code, so FastAPI's re-validation of it (about 1.2 ms for an impact
answer, scripts/bench.py) is skipped, and it is written by app/api/encoder.py (pydantic's bytes, faster).
"""

from __future__ import annotations

from typing import Any

from fastapi.responses import Response
from pydantic import BaseModel

from .encoder import dump_json


class ModelResponse(Response):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        if isinstance(content, BaseModel):
            return dump_json(content)
        raise TypeError(f"ModelResponse renders pydantic models, not {type(content).__name__}")
