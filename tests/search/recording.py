"""A transport for the Elasticsearch client that records every request and answers from a script.

It is not a cluster and does not behave like one: it holds no index, runs no query and keeps no
state. Each test scripts the answers it needs (a status and a body, an exception, or a delay)
and then checks the requests the engine made: which API, with which body, and with which
timeout. What only a real cluster can show (ranking, analysis, facet counts) is for
tests/search_contract with ELASTICSEARCH_URL and for `manage.py search_index --verify`.

The client talks to it through a node class: `Recorder().client()` is a real `Elasticsearch`
client (serialisation, retries, per-request options) whose node is a RecordingNode."""

import itertools
import json
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from elastic_transport import ApiResponseMeta, BaseNode, ConnectionTimeout, HttpHeaders, NodeConfig
from elastic_transport._node import NodeApiResponse
from elastic_transport.client_utils import DEFAULT
from elasticsearch import Elasticsearch

_recorders: dict[str, "Recorder"] = {}
_numbers = itertools.count(1)


@dataclass
class Request:
    method: str
    path: str
    params: dict[str, str]
    body: Any  # parsed JSON; a list of parsed lines for NDJSON (bulk)
    timeout: float | None


# A scripted answer: (status, body), an exception to raise, or a function of the request.
Answer = tuple[int, Any] | BaseException | Callable[[Request], "tuple[int, Any] | BaseException"]


@dataclass
class Rule:
    method: str
    pattern: re.Pattern
    answers: list[Answer]
    delay: float
    used: int = 0

    def next_answer(self) -> Answer:
        answer = self.answers[min(self.used, len(self.answers) - 1)]
        self.used += 1
        return answer


@dataclass
class Recorder:
    """Requests in the order made, and the script: the latest matching rule answers; its answers
    are used in turn and the last one repeats."""

    requests: list[Request] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    host: str = field(default_factory=lambda: f"recorder-{next(_numbers)}")

    def __post_init__(self) -> None:
        _recorders[self.host] = self

    @property
    def url(self) -> str:
        return f"http://{self.host}:9200"

    def client(self) -> Elasticsearch:
        return Elasticsearch(self.url, node_class=RecordingNode)

    def on(self, method: str, path: str, *answers: Answer, delay: float = 0.0) -> "Recorder":
        """Answer `method` requests whose path matches the regular expression `path` (whole)."""
        self.rules.insert(0, Rule(method, re.compile(path), list(answers) or [(200, {})], delay))
        return self

    def made(self, method: str | None = None, path: str | None = None) -> list[Request]:
        return [
            r
            for r in self.requests
            if (method is None or r.method == method) and (path is None or re.fullmatch(path, r.path))
        ]

    def answer(self, request: Request) -> tuple[float, Answer]:
        for rule in self.rules:
            if rule.method == request.method and rule.pattern.fullmatch(request.path):
                return rule.delay, rule.next_answer()
        raise LookupError(f"No scripted answer for {request.method} {request.path}")


def _parse_body(path: str, body: bytes | None) -> Any:
    if not body:
        return None
    if path.endswith("/_bulk"):
        return [json.loads(line) for line in body.decode().splitlines() if line.strip()]
    return json.loads(body)


class RecordingNode(BaseNode):
    """Records the request, waits the scripted delay, or at most the request's timeout, and then
    raises ConnectionTimeout (as a real node would), raises the scripted error or answers."""

    def __init__(self, config: NodeConfig) -> None:
        super().__init__(config)
        self.recorder = _recorders[config.host]

    def perform_request(
        self,
        method: str,
        target: str,
        body: bytes | None = None,
        headers: HttpHeaders | None = None,
        request_timeout: Any = DEFAULT,
    ) -> Any:
        timeout = self.config.request_timeout if request_timeout is DEFAULT else request_timeout
        url = urlsplit(target)
        request = Request(method, url.path, dict(parse_qsl(url.query)), _parse_body(url.path, body), timeout)
        self.recorder.requests.append(request)
        delay, answer = self.recorder.answer(request)
        if delay:
            if timeout is not None and delay > timeout:
                time.sleep(timeout)
                raise ConnectionTimeout(f"Read timed out after {timeout} s")
            time.sleep(delay)
        if callable(answer) and not isinstance(answer, BaseException):
            answer = answer(request)
        if isinstance(answer, BaseException):
            raise type(answer)(*answer.args)  # a fresh one each time: the client chains them
        status, response = answer
        meta = ApiResponseMeta(
            status=status,
            http_version="1.1",
            headers=HttpHeaders({"content-type": "application/json", "x-elastic-product": "Elasticsearch"}),
            duration=0.0,
            node=self.config,
        )
        return NodeApiResponse(meta, json.dumps(response).encode())


def bulk_ok(request: Request) -> tuple[int, Any]:
    """A bulk answer where every action succeeded (status 200 or, for create, 201)."""
    return 200, {
        "took": 1,
        "errors": False,
        "items": list(_items(request, lambda op: 201 if op == "create" else 200)),
    }


def bulk_failing(status: int, error_type: str, reason: str = "") -> Callable[[Request], tuple[int, Any]]:
    """A bulk answer where every action failed with `status`."""

    def answer(request: Request) -> tuple[int, Any]:
        items = list(_items(request, lambda op: status, {"type": error_type, "reason": reason or error_type}))
        return 200, {"took": 1, "errors": True, "items": items}

    return answer


def bulk_actions(request: Request) -> list[tuple[str, dict]]:
    """(operation, metadata) of each action of a recorded bulk request."""
    return [next(iter(line.items())) for line in _action_lines(request.body)]


def _action_lines(lines: list[dict]) -> Iterator[dict]:
    i = 0
    while i < len(lines):
        (op, _), *_ = lines[i].items()
        yield lines[i]
        i += 1 if op == "delete" else 2


def _items(request: Request, status: Callable[[str], int], error: dict | None = None) -> Iterator[dict]:
    for op, meta in bulk_actions(request):
        code = status(op)
        item = {"_index": meta.get("_index", ""), "_id": meta.get("_id"), "status": code}
        yield {op: item | ({"error": error} if error and code >= 300 else {"result": "ok"})}


def not_found(kind: str = "index_not_found_exception") -> tuple[int, Any]:
    return 404, {"error": {"type": kind, "reason": kind}, "status": 404}


def search_answer(keys: list[str] = (), total: int | None = None) -> tuple[int, Any]:
    return 200, {
        "took": 1,
        "timed_out": False,
        "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
        "hits": {
            "total": {"value": len(keys) if total is None else total, "relation": "eq"},
            "hits": [{"_id": key, "_index": "x", "_score": 1.0, "_source": {}} for key in keys],
        },
    }
