"""A participant's browser as the server sees it: the page, the layout, the dependency graph and
callback requests to ``/_dash-update-component``.

Every callback request is built from ``GET /_dash-dependencies``: a callback is found by its
output ids, and its inputs and states are filled from the values the page holds (the layout as
served, then every output the session received, then what the participant typed), so the
benchmarks keep working when a callback gains a state or changes its order. Pattern-matching
inputs (``{"type": "threshold", "service": ALL}``) are filled with every matching component of
the layout, as the browser does. A background callback (one whose dependency has
``background``) answers with a signed job handle; the session polls it like dash-renderer does
(``endId``, ``cacheKey`` and ``job`` in the query) until the result or a failure arrives.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import requests

WILDCARDS = (["ALL"], ["MATCH"], ["ALLSMALLER"])
END_ID = re.compile(r'"end_id":\s*"([^"]+)"')
JOB_TIMEOUT_S = 120.0  # a background job that has not answered by then counts as failed


class CallbackError(Exception):
    """A callback request that did not produce a result (HTTP error, no answer, a failed or
    cancelled background job); ``status`` is the HTTP status, 0 when none came."""

    def __init__(self, message: str, status: int = 0) -> None:
        super().__init__(message)
        self.status = status


def id_key(component_id: str | Mapping[str, Any]) -> str:
    """An id as Dash writes it in the dependency graph: a dict as compact JSON, keys sorted."""
    if isinstance(component_id, str):
        return component_id
    return json.dumps(component_id, sort_keys=True, separators=(",", ":"))


def split_prop(id_and_prop: str) -> tuple[str, str]:
    """``"error.children@3f…"`` → ``("error", "children")``: the id and the bare property."""
    component, _, prop = id_and_prop.rpartition(".")
    return component, prop.split("@")[0]


def output_props(output: str) -> list[str]:
    """A dependency's ``output`` string as its ``id.prop`` list (``..a.b...c.d..`` is several)."""
    if output.startswith("..") and output.endswith(".."):
        parts = output[2:-2].split("...")
    else:
        parts = [output]
    return ["{}.{}".format(*split_prop(p)) for p in parts]


def find_callback(
    dependencies: list[dict[str, Any]], *outputs: str, trigger: str | None = None
) -> dict[str, Any]:
    """The one server-side callback writing every one of ``outputs`` (``"id.prop"``), among
    those with ``trigger`` as an input when given (several callbacks may write one output)."""
    found = [
        d
        for d in dependencies
        if not d.get("clientside_function")
        and set(outputs) <= set(output_props(d["output"]))
        and (trigger is None or any(triggers(i, trigger) for i in d["inputs"]))
    ]
    if len(found) != 1:
        raise LookupError(f"{len(found)} callbacks write {outputs} on {trigger}; expected one")
    return found[0]


def triggers(spec: dict[str, Any], changed: str) -> bool:
    """Whether a change of ``changed`` (``"id.prop"``, a dict id as JSON) is the input
    ``spec``: the same id, or a concrete id that fits the input's pattern."""
    component, prop = split_prop(changed)
    if prop != spec["property"].split("@")[0]:
        return False
    if not spec["id"].startswith("{"):
        return bool(spec["id"] == component)
    try:
        concrete = json.loads(component)
    except ValueError:
        return False
    return matches(json.loads(spec["id"]), concrete)


def callbacks_reading(dependencies: list[dict[str, Any]], prop: str) -> list[dict[str, Any]]:
    """Server-side callbacks with ``prop`` among their inputs (what a change of it fires)."""
    return [
        d
        for d in dependencies
        if not d.get("clientside_function") and any(triggers(i, prop) for i in d["inputs"])
    ]


def writes(dependency: dict[str, Any], prop: str) -> bool:
    return prop in output_props(dependency["output"])


def input_props(dependency: dict[str, Any]) -> set[str]:
    """The ``id.prop`` of every input that fires the callback (pattern ids as sent)."""
    return {f"{i['id']}.{i['property']}" for i in dependency["inputs"]}


def reads(dependency: dict[str, Any], prop: str) -> bool:
    """Whether the callback takes ``prop`` as an input or a state."""
    specs = dependency["inputs"] + dependency.get("state", [])
    return any(f"{s['id']}.{s['property']}" == prop for s in specs)


def walk_components(node: Any) -> Iterator[dict[str, Any]]:
    """Every component of a serialised layout, nested in children or in any other prop."""
    if isinstance(node, list):
        for item in node:
            yield from walk_components(item)
    elif isinstance(node, dict):
        if "type" in node and "namespace" in node and isinstance(node.get("props"), dict):
            yield node
            for value in node["props"].values():
                yield from walk_components(value)
        else:
            for value in node.values():
                yield from walk_components(value)


def layout_props(layout: Any) -> dict[str, dict[str, Any]]:
    """Component id key → (``"id"``: the id as served, ``"props"``: its props)."""
    found: dict[str, dict[str, Any]] = {}
    for component in walk_components(layout):
        component_id = component["props"].get("id")
        if isinstance(component_id, str | dict):
            found[id_key(component_id)] = {"id": component_id, "props": component["props"]}
    return found


def matches(pattern: Mapping[str, Any], component_id: Any) -> bool:
    """Whether a dict id fits a pattern: the same keys, every non-wildcard value equal."""
    if not isinstance(component_id, dict) or set(component_id) != set(pattern):
        return False
    return all(v in WILDCARDS or component_id[k] == v for k, v in pattern.items())


@dataclass
class PageState:
    """What a browser holds after a page load: the served layout's props, overlaid by every
    output received since and by what the participant set (``"id.prop"`` → value)."""

    components: dict[str, dict[str, Any]]
    values: dict[str, Any] = field(default_factory=dict)

    def value(self, key: str, prop: str) -> Any:
        if f"{key}.{prop}" in self.values:
            return self.values[f"{key}.{prop}"]
        return self.components.get(key, {}).get("props", {}).get(prop)

    def matching(self, pattern_key: str) -> list[dict[str, Any]]:
        pattern = json.loads(pattern_key)
        return [c["id"] for c in self.components.values() if matches(pattern, c["id"])]

    def filled(self, spec: dict[str, Any], with_value: bool) -> Any:
        """One input, state or output of a request; a pattern becomes the list of matches."""
        key, prop = spec["id"], spec["property"].split("@")[0]
        if key.startswith("{"):
            return [self._entry(m, id_key(m), prop, with_value) for m in self.matching(key)]
        return self._entry(key, key, prop, with_value)

    def _entry(self, component_id: Any, key: str, prop: str, with_value: bool) -> dict[str, Any]:
        entry = {"id": component_id, "property": prop}
        return {**entry, "value": self.value(key, prop)} if with_value else entry

    def apply(self, response: dict[str, Any]) -> None:
        """Keep every output of a callback response, as the browser's store does."""
        for component, props in response.items():
            for prop, value in props.items():
                self.values[f"{component}.{prop}"] = value


def build_request(
    dependency: dict[str, Any], page: PageState, changed: list[str]
) -> dict[str, Any]:
    """The body dash-renderer posts for ``dependency``; ``changed`` names the triggering
    ``id.prop`` inputs."""
    outputs = [
        {"id": component, "property": prop}
        for component, prop in (p.rpartition(".")[::2] for p in output_props(dependency["output"]))
    ]
    filled_outputs = [page.filled(o, with_value=False) for o in outputs]
    multi = dependency["output"].startswith("..")
    body: dict[str, Any] = {
        "output": dependency["output"],
        "outputs": filled_outputs if multi else filled_outputs[0],
        "inputs": [page.filled(i, with_value=True) for i in dependency["inputs"]],
        "changedPropIds": changed,
    }
    if dependency.get("state"):
        body["state"] = [page.filled(s, with_value=True) for s in dependency["state"]]
    return body


def response_outputs(data: dict[str, Any], body: dict[str, Any]) -> dict[str, Any]:
    """A callback answer as ``{id key: {prop: value}}``, single or multi output."""
    if data.get("multi"):
        answer = data.get("response", {})
        return answer if isinstance(answer, dict) else {}
    component, _ = split_prop(body["output"])
    return {component: data.get("response", {}).get("props", {})}


def alert_colors(node: Any) -> list[str]:
    """The ``color`` of every component in an output (an alert saying success or danger)."""
    return [c["props"]["color"] for c in walk_components(node) if "color" in c["props"]]


@dataclass
class Session:
    """One participant's connection: a page load, then callbacks against it."""

    base_url: str
    timeout_s: float = 60.0
    job_timeout_s: float = JOB_TIMEOUT_S
    http: requests.Session = field(default_factory=requests.Session)
    dependencies: list[dict[str, Any]] = field(default_factory=list)
    page: PageState = field(default_factory=lambda: PageState({}))
    end_id: str | None = None
    requests_made: int = 0

    def get(self, path: str, referer: str | None = None) -> requests.Response:
        headers = {"Referer": referer} if referer else {}
        self.requests_made += 1
        try:
            response = self.http.get(self.base_url + path, headers=headers, timeout=self.timeout_s)
        except requests.RequestException as error:
            raise CallbackError(f"GET {path}: no answer: {type(error).__name__}") from error
        if response.status_code != 200:
            raise CallbackError(f"GET {path}: HTTP {response.status_code}", response.status_code)
        return response

    def load_page(self, query: str = "?lang=sv") -> None:
        """GET /, ``_dash-layout`` and ``_dash-dependencies``; the page's own state is reset,
        as a reload does (what the participant set explicitly is kept)."""
        index = self.get("/" + query)
        found = END_ID.search(index.text)
        self.end_id = found.group(1) if found else None
        layout = self.get("/_dash-layout", referer=self.base_url + "/" + query).json()
        self.dependencies = self.get("/_dash-dependencies").json()
        self.page = PageState(layout_props(layout), self.page.values)

    def call(self, outputs: tuple[str, ...], changed: list[str]) -> dict[str, Any]:
        """Run the callback writing ``outputs`` that ``changed[0]`` triggers; its outputs, also
        kept in the page. Raises ``CallbackError`` when no result came."""
        found = find_callback(self.dependencies, *outputs, trigger=changed[0])
        return self.run(found, changed)

    def run(self, dependency: dict[str, Any], changed: list[str]) -> dict[str, Any]:
        """Run one callback of the dependency graph, triggered by ``changed``."""
        body = build_request(dependency, self.page, changed)
        data = self._post(body, {})
        background = dependency.get("background")
        if background and "response" not in data and data:
            data = self._poll(body, data, background)
        result = response_outputs(data, body) if data else {}
        self.page.apply(result)
        return result

    def _post(self, body: dict[str, Any], handles: dict[str, str]) -> dict[str, Any]:
        params = {"endId": self.end_id, **handles} if self.end_id else handles
        self.requests_made += 1
        try:
            response = self.http.post(
                self.base_url + "/_dash-update-component",
                json=body,
                params=params,
                timeout=self.timeout_s,
            )
        except requests.RequestException as error:
            raise CallbackError(f"no answer: {type(error).__name__}: {error}"[:300]) from error
        if response.status_code == 204:  # PreventUpdate: nothing to change
            return {}
        if response.status_code != 200:
            raise CallbackError(f"HTTP {response.status_code}", response.status_code)
        answer = response.json()
        return answer if isinstance(answer, dict) else {}

    def _poll(
        self, body: dict[str, Any], started: dict[str, Any], background: dict[str, Any]
    ) -> dict[str, Any]:
        """Poll a background job as dash-renderer does: inputs and states sent empty."""
        handles = {"cacheKey": started.get("cacheKey", ""), "job": started.get("job", "")}
        empty = {
            **body,
            "inputs": [_nulled(i) for i in body["inputs"]],
            "state": [_nulled(s) for s in body.get("state", [])],
        }
        interval = float(background.get("interval") or 500) / 1000
        deadline = time.monotonic() + self.job_timeout_s
        while time.monotonic() < deadline:
            time.sleep(interval)
            data = self._post(empty, handles)
            if not data or "response" in data:
                return data
        raise CallbackError(f"background job gave no result in {self.job_timeout_s:.0f} s")


def _nulled(entry: Any) -> Any:
    if isinstance(entry, list):
        return [_nulled(e) for e in entry]
    return {**entry, "value": None}
