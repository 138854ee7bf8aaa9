"""deploy/ read, not run: Docker and Kubernetes cannot run here, so the compose file and the manifests are parsed
and checked against what does run: the Dockerfile's port and command, the app's settings and limits, the nginx
template that tests/deploy/test_replicas.py puts in front of real replicas."""

from __future__ import annotations

import json
import re
import shlex
from typing import Any

import pytest
import yaml

from app.api.guard import PROBE_PATHS
from app.api.problems import PROBLEM_BASE
from app.settings import Settings
from tests.balancer import TEMPLATE, render, upstream_servers
from tests.conftest import ROOT

DEPLOY = ROOT / "deploy"
K8S = DEPLOY / "k8s"
#: The server process's resident memory with a full answer cache and the exports built, measured on 2026-12-01
#: (deploy/README.md); the limits below must leave room for it beside every SPARQL worker at its cap.
SERVER_PEAK_MIB = 225


def dockerfile() -> tuple[int, list[str]]:
    """The Dockerfile's EXPOSEd port and its CMD."""
    text = (ROOT / "Dockerfile").read_text()
    [exposed] = re.findall(r"^EXPOSE (\d+)$", text, re.MULTILINE)
    [cmd] = re.findall(r"^CMD (\[.*\])$", text, re.MULTILINE)
    return int(exposed), json.loads(cmd)


def port_of(command: list[str]) -> int:
    return int(command[command.index("--port") + 1])


def env(values: list[dict[str, str]] | dict[str, str]) -> dict[str, str]:
    return values if isinstance(values, dict) else {e["name"]: e["value"] for e in values}


def mebibytes(quantity: str) -> float:
    units = {"Ki": 1 / 1024, "Mi": 1, "Gi": 1024, "m": 1 / 1.048576, "k": 1 / 1048.576, "g": 1024 / 1.048576}
    number, unit = re.fullmatch(r"(\d+)([A-Za-z]*)", quantity).groups()  # type: ignore[union-attr]
    return int(number) * units[unit]


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


@pytest.fixture(scope="module")
def k8s() -> dict[str, dict[str, Any]]:
    """Every manifest listed by the kustomization, by kind."""
    listed = yaml.safe_load((K8S / "kustomization.yaml").read_text())["resources"]
    assert sorted(listed) == sorted(p.name for p in K8S.glob("*.yaml") if p.name != "kustomization.yaml")
    documents = [doc for name in listed for doc in yaml.safe_load_all((K8S / name).read_text())]
    kinds = {doc["kind"]: doc for doc in documents}
    assert len(kinds) == len(documents)
    return kinds


def test_the_dockerfile_serves_on_every_interface_on_its_exposed_port() -> None:
    exposed, cmd = dockerfile()
    assert cmd[:2] == ["anklekg", "serve"] and cmd[cmd.index("--host") + 1] == "0.0.0.0"
    assert port_of(cmd) == exposed
    assert f"http://127.0.0.1:{exposed}/health" in (ROOT / "Dockerfile").read_text()  # its HEALTHCHECK


def test_compose_runs_two_replicas_of_the_dockerfile_behind_nginx(compose: dict[str, Any]) -> None:
    exposed, cmd = dockerfile()
    services = compose["services"]
    replicas = {name: s for name, s in services.items() if "build" in s}
    assert len(replicas) >= 2
    for name, service in replicas.items():
        assert (DEPLOY / service["build"]["context"] / service["build"]["dockerfile"]).resolve() == ROOT / "Dockerfile"
        assert service["command"] == cmd and service["expose"] == [str(exposed)]
        assert "ports" not in service, f"{name} is reached through nginx only"
        settings = env(service["environment"])
        assert {"localhost", "127.0.0.1"} <= set(re.sub(r"\$\{[^:}]*:-([^}]*)\}", r"\1", settings[
            "ANKLEKG_ALLOWED_HOSTS"]).split(","))  # fmt: skip  # nginx's clients and the HEALTHCHECK
        assert settings["FORWARDED_ALLOW_IPS"]  # nginx is not on loopback here: trusted explicitly
        assert mebibytes(service["mem_limit"]) >= SERVER_PEAK_MIB + int(settings["ANKLEKG_SPARQL_WORKERS"]) * int(
            settings["ANKLEKG_SPARQL_WORKER_MEMORY_MB"]) / 1.048576  # fmt: skip
    nginx = services["nginx"]
    [mount] = nginx["volumes"]
    source, target, _ = mount.split(":")
    assert (DEPLOY / source).resolve() == TEMPLATE and target.startswith("/etc/nginx/templates/")
    values = env(nginx["environment"])
    assert values["ANKLEKG_UPSTREAM_SERVERS"] == upstream_servers([f"{n}:{exposed}" for n in replicas])
    assert nginx["ports"] == [f"{values['ANKLEKG_LISTEN']}:{values['ANKLEKG_LISTEN']}"]
    assert set(nginx["depends_on"]) == set(replicas)
    assert all(c == {"condition": "service_healthy"} for c in nginx["depends_on"].values())
    render(TEMPLATE.read_text(), values)  # every placeholder has its value


def test_the_deployment_runs_the_image_as_built(k8s: dict[str, dict[str, Any]]) -> None:
    exposed, cmd = dockerfile()
    deployment = k8s["Deployment"]
    pod = deployment["spec"]["template"]
    assert deployment["spec"]["selector"]["matchLabels"].items() <= pod["metadata"]["labels"].items()
    [container] = pod["spec"]["containers"]
    assert container["command"] == cmd
    assert container["ports"] == [{"name": "http", "containerPort": exposed}]
    assert deployment["spec"]["replicas"] >= 2
    assert pod["spec"]["securityContext"]["runAsUser"] == 10001  # the image's user (Dockerfile useradd)
    assert "--uid 10001" in (ROOT / "Dockerfile").read_text()
    if container["securityContext"].get("readOnlyRootFilesystem"):  # the SPARQL dump goes to $TMPDIR
        assert {"name": "tmp", "mountPath": "/tmp"} in container["volumeMounts"]


def test_the_probes_ask_health_with_a_host_the_app_answers_for(k8s: dict[str, dict[str, Any]]) -> None:
    [container] = k8s["Deployment"]["spec"]["template"]["spec"]["containers"]
    allowed = env(container["env"])["ANKLEKG_ALLOWED_HOSTS"].split(",")
    for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
        get = container[probe]["httpGet"]
        assert get["path"] in PROBE_PATHS and get["port"] == "http"
        [host] = [h["value"] for h in get["httpHeaders"] if h["name"] == "Host"]
        assert host in allowed, f"{probe}: the Host guard would answer 400"
    # liveness is the most patient: a slow replica is taken out of rotation long before it is restarted
    ready, live = container["readinessProbe"], container["livenessProbe"]
    assert live["periodSeconds"] * live["failureThreshold"] > ready["periodSeconds"] * ready["failureThreshold"]


def test_resources_leave_room_for_every_sparql_worker_at_its_cap(k8s: dict[str, dict[str, Any]]) -> None:
    pod = k8s["Deployment"]["spec"]["template"]["spec"]
    [container] = pod["containers"]
    settings = env(container["env"])
    workers, cap_mb = int(settings["ANKLEKG_SPARQL_WORKERS"]), int(settings["ANKLEKG_SPARQL_WORKER_MEMORY_MB"])
    Settings(sparql_workers=workers, sparql_worker_memory_mb=cap_mb)  # values the app accepts
    limit = mebibytes(container["resources"]["limits"]["memory"])
    request = mebibytes(container["resources"]["requests"]["memory"])
    assert limit >= SERVER_PEAK_MIB + workers * cap_mb * 1e6 / 2**20
    assert SERVER_PEAK_MIB < request <= limit
    assert "cpu" in container["resources"]["requests"]  # what the autoscaler's utilisation is measured against
    grace = pod["terminationGracePeriodSeconds"]
    sleep = int(container["lifecycle"]["preStop"]["exec"]["command"][-1])
    assert grace > sleep + Settings().sparql_timeout  # a query under way finishes before the kill


def test_the_service_and_the_autoscaler_point_at_the_deployment(k8s: dict[str, dict[str, Any]]) -> None:
    labels = k8s["Deployment"]["spec"]["template"]["metadata"]["labels"]
    service = k8s["Service"]["spec"]
    assert service["selector"].items() <= labels.items()
    assert [p["targetPort"] for p in service["ports"]] == ["http"]
    assert k8s["PodDisruptionBudget"]["spec"]["selector"]["matchLabels"].items() <= labels.items()
    target = k8s["HorizontalPodAutoscaler"]["spec"]["scaleTargetRef"]
    assert (target["kind"], target["name"]) == ("Deployment", k8s["Deployment"]["metadata"]["name"])
    assert k8s["HorizontalPodAutoscaler"]["spec"]["minReplicas"] >= 2


# -- the nginx template against the app's own limits ----------------------------------------------------------
def directives(text: str, name: str) -> list[list[str]]:
    """The arguments of every ``name ...;`` directive in the template (comments left out)."""
    code = "\n".join(line.split("#", 1)[0] for line in text.splitlines())
    return [shlex.split(m) for m in re.findall(rf"^\s*{name}\s+([^;]*);", code, re.MULTILINE)]


def seconds(value: str) -> float:
    return float(value.removesuffix("s"))


def size(value: str) -> int:
    return int(value[:-1]) * {"k": 1024, "m": 1024**2}[value[-1]] if value[-1] in "km" else int(value)


def test_nginx_takes_the_bodies_the_app_takes_and_waits_longer_than_its_deadline() -> None:
    text, settings = TEMPLATE.read_text(), Settings()
    bodies = [size(args[0]) for args in directives(text, "client_max_body_size")]
    assert bodies == [settings.max_body_bytes, settings.max_sparql_body_bytes]  # server-wide, then /sparql
    [[read]] = directives(text, "proxy_read_timeout")
    assert settings.sparql_timeout < seconds(read) <= settings.sparql_timeout + 10
    [[upstream_idle], [client_idle]] = directives(text, "keepalive_timeout")  # upstream block, then server
    keep_alive = Settings().keep_alive_timeout
    assert seconds(upstream_idle) < keep_alive  # nginx lets go of an idle connection first
    assert seconds(client_idle) <= keep_alive
    [retried] = directives(text, "proxy_next_upstream")
    assert not any(condition.startswith("http_") for condition in retried)  # an app's answer is never replayed
    assert "non_idempotent" not in retried


def test_nginx_problems_are_the_apps_kind_of_problem() -> None:
    text, settings = TEMPLATE.read_text(), Settings()
    bodies = re.findall(r"return (\d{3}) '(\{.*\})';", text)
    assert len(bodies) >= 5
    for status, body in bodies:
        problem = json.loads(body)
        assert problem["type"].startswith(PROBLEM_BASE) and problem["status"] == int(status)
        assert problem["title"] and problem["detail"]
    [too_large] = [json.loads(b) for s, b in bodies if s == "413"]
    assert f"{settings.max_body_bytes} bytes" in too_large["detail"]
    assert f"{settings.max_sparql_body_bytes} on /sparql" in too_large["detail"]
    assert too_large["type"] == PROBLEM_BASE + "body-too-large"  # the app's own type for the same refusal


def test_every_placeholder_needs_a_value() -> None:
    with pytest.raises(KeyError, match="ANKLEKG_ACCESS_LOG"):
        render(TEMPLATE.read_text(), {"ANKLEKG_LISTEN": "8080", "ANKLEKG_UPSTREAM_SERVERS": "server a:1;"})
    assert "${" not in render("listen ${A}; $host", {"A": "1"}) and "$host" in render("$host", {})


def test_the_readme_says_what_was_tested_and_what_was_not() -> None:
    readme = (DEPLOY / "README.md").read_text()
    for named in ("compose.yaml", "k8s/", "nginx/anklekg.conf.template", "not tested", "bench_replicas.py"):
        assert named in readme, named
