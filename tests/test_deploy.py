"""What the container, the balancer and Kubernetes are told, checked without a container engine or a cluster.

The balancer itself does run here: HAProxy in front of a replica that is down,
so every request it logs is a failure, the only kind it logs.
"""

from __future__ import annotations

import base64
import fnmatch
import hashlib
import http.client
import re
import shlex
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import streamlit
import yaml

from decision_aid.ui import scroll
from deploy.cluster import (
    AFFINITY_COOKIE,
    HAPROXY_CONFIG,
    HEALTH_PATH,
    free_port,
    haproxy_binary,
    render_haproxy_config,
    start_balancer,
    stop_process,
)

ROOT = Path(__file__).resolve().parents[1]
DOCKERFILE = ROOT / "deploy" / "Dockerfile"
DOCKERIGNORE = ROOT / "deploy" / "Dockerfile.dockerignore"
K8S = ROOT / "deploy" / "k8s"
KUBERNETES_VERSIONS = ("1.28.0", kubernetes_validate.latest_version())
SECRET = "Zebediah"
HANDOUT_ID = "5f0c2d9e8a7b6c1d"


def needs_haproxy() -> str:
    try:
        return haproxy_binary()
    except RuntimeError as missing:
        pytest.skip(str(missing))


# ---- the container image -------------------------------------------------------------------------


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, with continuation lines joined and comments dropped."""
    found: list[tuple[str, str]] = []
    pending = ""
    for raw in DOCKERFILE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        instruction, _, arguments = (pending + line).partition(" ")
        found.append((instruction.upper(), " ".join(arguments.split())))
        pending = ""
    return found


def final_stage() -> list[tuple[str, str]]:
    steps = dockerfile_instructions()
    last_from = max(i for i, (instruction, _) in enumerate(steps) if instruction == "FROM")
    return steps[last_from:]


def admitted_by_dockerignore(path: str) -> bool:
    """Docker's rule: the last pattern that matches a path, or a folder above it, decides."""
    admitted = True
    for raw in DOCKERIGNORE.read_text(encoding="utf-8").splitlines():
        pattern = raw.strip()
        if not pattern or pattern.startswith("#"):
            continue
        negated = pattern.startswith("!")
        pattern = pattern.lstrip("!")
        if fnmatch.fnmatch(path, pattern) or path.startswith(pattern.rstrip("/") + "/"):
            admitted = negated
    return admitted


def test_the_dockerfile_passes_hadolint() -> None:
    hadolint = Path(sys.executable).parent / "hadolint"
    result = subprocess.run([str(hadolint), "--no-color", str(DOCKERFILE)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_file_the_image_copies_exists_and_reaches_the_build() -> None:
    sources = []
    for instruction, arguments in dockerfile_instructions():
        words = shlex.split(arguments)
        if instruction == "COPY" and not any(w.startswith("--from") for w in words):
            sources += [w for w in words[:-1] if not w.startswith("--")]
    assert {"app.py", "serve.py", "decision_aid", "content", ".streamlit/config.toml"} <= {s.rstrip("/") for s in sources}
    for source in sources:
        assert (ROOT / source).exists(), source
        assert admitted_by_dockerignore(source.rstrip("/")), f"{source} is left out of the build context"
    assert not admitted_by_dockerignore(".venv")
    assert not admitted_by_dockerignore(".git")


def test_the_image_runs_as_a_numeric_non_root_user_and_checks_its_own_health() -> None:
    stage = final_stage()
    users = [arguments for instruction, arguments in stage if instruction == "USER"]
    assert users, "the image must not run as root"
    user = users[-1].split(":")[0]
    assert user.isdigit() and int(user) != 0, "numeric, so Kubernetes can check runAsNonRoot"
    health = [arguments for instruction, arguments in stage if instruction == "HEALTHCHECK"]
    assert len(health) == 1 and f"127.0.0.1:8501{HEALTH_PATH}" in health[0]
    assert ("EXPOSE", "8501") in stage


def test_inside_the_container_the_app_listens_on_the_containers_address_with_the_shipped_privacy_settings() -> None:
    environment = " ".join(arguments for instruction, arguments in final_stage() if instruction == "ENV")
    assert "STREAMLIT_SERVER_ADDRESS=0.0.0.0" in environment
    assert "STREAMLIT_BROWSER_GATHER_USAGE_STATS=false" in environment
    assert ("RUN", "python -m decision_aid validate") in final_stage()
    assert final_stage()[-1] == ("CMD", '["streamlit", "run", "serve.py"]'), "the image serves what make run serves"


# ---- the balancer --------------------------------------------------------------------------------


def haproxy_header(name: str) -> str:
    match = re.search(rf'set-header {name} "([^"]*)"', HAPROXY_CONFIG.read_text(encoding="utf-8"))
    assert match, name
    return match.group(1)


class _InlineScripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[str] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._inside = tag == "script" and "src" not in dict(attrs)
        if self._inside:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.scripts[-1] += data


def csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def test_the_policy_allows_exactly_the_inline_scripts_the_app_runs_and_no_eval() -> None:
    parser = _InlineScripts()
    parser.feed((Path(streamlit.__file__).parent / "static" / "index.html").read_text(encoding="utf-8"))
    needed = {csp_hash(script) for script in [*parser.scripts, scroll.SCRIPT]}
    directives = dict(d.strip().split(" ", 1) for d in haproxy_header("Content-Security-Policy").split(";"))
    script_src = directives["script-src"].split()
    allowed = {source for source in script_src if source.startswith("'sha256-")}
    assert allowed == needed, "a Streamlit upgrade or an edit to scroll.py changed an inline script: update both policies"
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert directives["default-src"] == "'self'" and directives["object-src"] == "'none'"


def test_kubernetes_sends_the_same_security_headers_as_the_balancer() -> None:
    (config_map,) = load_manifest("headers-configmap.yaml")
    headers = config_map["data"]
    assert headers["Content-Security-Policy"] == haproxy_header("Content-Security-Policy").replace(
        "${FRAME_ANCESTORS}", "'none'"
    )
    for name in ("Permissions-Policy",):
        assert headers[name] == haproxy_header(name)
    config = HAPROXY_CONFIG.read_text(encoding="utf-8")
    for name in ("X-Content-Type-Options", "Referrer-Policy", "Cross-Origin-Opener-Policy"):
        assert f"set-header {name} {headers[name]}" in config


def test_one_affinity_cookie_name_for_the_launcher_the_balancer_and_the_ingress() -> None:
    assert re.search(rf"^\s*cookie {AFFINITY_COOKIE} insert ", HAPROXY_CONFIG.read_text(encoding="utf-8"), re.MULTILINE)
    ingress = next(doc for doc in load_manifest("ingress.yaml") if doc["metadata"]["name"] == "decision-aid")
    assert ingress["metadata"]["annotations"]["nginx.ingress.kubernetes.io/session-cookie-name"] == AFFINITY_COOKIE


def test_the_rendered_configuration_is_accepted_by_haproxy(tmp_path: Path) -> None:
    haproxy = needs_haproxy()
    path = tmp_path / "haproxy.cfg"
    path.write_text(render_haproxy_config([("app1", 18501), ("app2", 18502)]), encoding="utf-8")
    result = subprocess.run([haproxy, "-c", "-f", str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "Configuration file is valid", "no warnings either"


@pytest.fixture()
def balancer_before_a_dead_replica(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    needs_haproxy()
    log_path = tmp_path / "haproxy.log"
    port = free_port()
    with log_path.open("wb") as log:
        haproxy = start_balancer(
            render_haproxy_config([("app1", free_port())]),
            tmp_path / "haproxy.cfg",
            f"127.0.0.1:{port}",
            frame_ancestors="https://portal.example.org",
            log=log,
        )
        try:
            deadline = time.monotonic() + 10
            while haproxy.poll() is None and time.monotonic() < deadline:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.1)
            yield f"127.0.0.1:{port}", log_path
        finally:
            stop_process(haproxy)


def get(address: str, path: str) -> tuple[int, dict[str, str]]:
    host, port = address.split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}


def test_the_balancer_refuses_metrics_and_logs_no_query_string_handout_id_or_client_address(
    balancer_before_a_dead_replica: tuple[str, Path],
) -> None:
    address, log_path = balancer_before_a_dead_replica
    status, headers = get(address, f"/_stcore/metrics?who={SECRET}")
    assert status == 403
    assert headers["content-security-policy"].endswith("frame-ancestors https://portal.example.org")
    assert headers["x-content-type-options"] == "nosniff"
    assert get(address, f"/media/{HANDOUT_ID}.pdf?name={SECRET}")[0] == 503
    assert get(address, f"/?embed=true&note={SECRET}")[0] == 503

    def logged() -> list[str]:
        return [line for line in log_path.read_text(encoding="utf-8").splitlines() if " GET " in line]

    deadline = time.monotonic() + 10  # HAProxy writes its log lines a moment after the response
    while len(logged()) < 3 and time.monotonic() < deadline:
        time.sleep(0.1)
    requests = logged()
    assert len(requests) == 3, "refusals and failures are logged"
    assert any(line.endswith(" GET /media/-") for line in requests)
    for line in requests:
        assert "?" not in line and SECRET not in line and HANDOUT_ID not in line
        assert "127.0.0.1" not in line


# ---- Kubernetes ----------------------------------------------------------------------------------


def load_manifest(name: str) -> list[dict[str, Any]]:
    return [doc for doc in yaml.safe_load_all((K8S / name).read_text(encoding="utf-8")) if doc]


def manifests() -> list[dict[str, Any]]:
    return [doc for path in sorted(K8S.glob("*.yaml")) if path.name != "kustomization.yaml" for doc in load_manifest(path.name)]


def one(kind: str, name: str = "decision-aid") -> dict[str, Any]:
    (found,) = [doc for doc in manifests() if doc["kind"] == kind and doc["metadata"]["name"] == name]
    return found


@pytest.mark.parametrize("version", KUBERNETES_VERSIONS)
def test_every_manifest_is_valid_kubernetes(version: str) -> None:
    documents = manifests()
    assert {d["kind"] for d in documents} >= {"Deployment", "Service", "HorizontalPodAutoscaler", "Ingress"}
    for document in documents:
        kubernetes_validate.validate(document, version, strict=True)


def test_kustomize_applies_every_manifest_in_the_folder() -> None:
    (kustomization,) = load_manifest("kustomization.yaml")
    files = {p.name for p in K8S.glob("*.yaml")} - {"kustomization.yaml"}
    assert set(kustomization["resources"]) == files


def test_the_pods_are_probed_on_streamlits_health_path_and_sized() -> None:
    pod = one("Deployment")["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    ports = {p["name"]: p["containerPort"] for p in container["ports"]}
    assert ports == {"http": 8501}
    for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
        check = container[probe]["httpGet"]
        assert check["path"] == HEALTH_PATH and check["port"] in ports, probe
    resources = container["resources"]
    assert {"cpu", "memory"} <= set(resources["requests"]) and "memory" in resources["limits"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    assert pod["automountServiceAccountToken"] is False


def test_the_autoscaler_scales_the_deployment_and_never_below_two() -> None:
    hpa = one("HorizontalPodAutoscaler")["spec"]
    assert hpa["scaleTargetRef"] == {"apiVersion": "apps/v1", "kind": "Deployment", "name": "decision-aid"}
    assert hpa["minReplicas"] >= 2 and hpa["maxReplicas"] > hpa["minReplicas"]


def test_the_service_and_ingress_reach_the_pods() -> None:
    deployment, service = one("Deployment"), one("Service")
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert service["spec"]["selector"].items() <= labels.items()
    service_ports = {p["name"] for p in service["spec"]["ports"]}
    for ingress in (one("Ingress"), one("Ingress", "decision-aid-internal")):
        for rule in ingress["spec"]["rules"]:
            for path in rule["http"]["paths"]:
                backend = path["backend"]["service"]
                assert backend["name"] == service["metadata"]["name"] and backend["port"]["name"] in service_ports


def test_the_ingress_keeps_each_browser_on_its_pod_for_the_whole_visit_and_adds_the_headers() -> None:
    annotations = one("Ingress")["metadata"]["annotations"]
    prefix = "nginx.ingress.kubernetes.io/"
    assert annotations[prefix + "affinity"] == "cookie"
    assert annotations[prefix + "affinity-mode"] == "persistent"
    assert int(annotations[prefix + "proxy-read-timeout"]) >= 3600
    assert int(annotations[prefix + "proxy-send-timeout"]) >= 3600
    assert annotations[prefix + "enable-access-log"] == "false"
    headers = one("ConfigMap", "decision-aid-headers")["metadata"]
    assert annotations[prefix + "custom-headers"] == f"{headers['namespace']}/{headers['name']}"


def test_metrics_are_refused_to_every_address_and_pods_call_nothing_outside() -> None:
    internal = one("Ingress", "decision-aid-internal")
    paths = {p["path"] for rule in internal["spec"]["rules"] for p in rule["http"]["paths"]}
    assert "/_stcore/metrics" in paths
    denied = internal["metadata"]["annotations"]["nginx.ingress.kubernetes.io/denylist-source-range"]
    assert set(denied.split(",")) == {"0.0.0.0/0", "::/0"}
    policy = one("NetworkPolicy")["spec"]
    assert "Egress" in policy["policyTypes"] and policy["egress"] == []
