"""deploy/: the Kubernetes manifests, the nginx config and docker-compose.yaml are valid
and agree with each other and with the service (ports, probes, writable paths, sizing).

Offline: kubernetes-validate ships the Kubernetes JSON schemas, check-jsonschema the
compose-spec schema. ``kubectl kustomize`` (or ``kustomize``) renders the kustomization
when one is on PATH; otherwise this file renders its resources and generator itself.
``nginx -t`` runs when nginx is installed.
"""

from __future__ import annotations

import copy
import importlib.resources
import json
import re
import shutil
import subprocess

import jsonschema
import kubernetes_validate
import pytest
import yaml

from service.config import DefaultConfig
from tests.conftest import ROOT

DEPLOY = ROOT / "deploy"
NGINX_CONF = DEPLOY / "nginx" / "nginx.conf"
COMPOSE = ROOT / "docker-compose.yaml"
# Oldest Kubernetes the manifests target (preStop "sleep" is 1.30), and the newest known.
K8S_VERSIONS = ("1.30.0", kubernetes_validate.utils.latest_version() + ".0")
# bench/capacity.py, README "Scaling out": peak RSS of one worker (and of the master).
MEASURED_PEAK_RSS_MIB = 228


def _kustomization() -> dict:
    return yaml.safe_load((DEPLOY / "kustomization.yaml").read_text())


def _render_in_python() -> list[dict]:
    kustomization = _kustomization()
    docs = [doc for resource in kustomization["resources"]
            for doc in yaml.safe_load_all((DEPLOY / resource).read_text()) if doc]
    for generator in kustomization.get("configMapGenerator", []):
        data = {}
        for entry in generator["files"]:
            key, _, path = entry.partition("=")
            data[key] = (DEPLOY / path).read_text()
        docs.append({"apiVersion": "v1", "kind": "ConfigMap",
                     "metadata": {"name": generator["name"]}, "data": data})
    return docs


def _render() -> list[dict]:
    for command in (["kubectl", "kustomize"], ["kustomize", "build"]):
        if shutil.which(command[0]):
            out = subprocess.run([*command, str(DEPLOY)], capture_output=True, text=True,
                                 check=True, timeout=60).stdout
            return [doc for doc in yaml.safe_load_all(out) if doc]
    return _render_in_python()


@pytest.fixture(scope="module")
def rendered() -> dict[str, dict]:
    return {doc["kind"]: doc for doc in _render()}


@pytest.fixture(scope="module")
def pod(rendered) -> dict:
    return rendered["Deployment"]["spec"]["template"]["spec"]


def _container(pod: dict, name: str) -> dict:
    return next(c for c in pod["containers"] if c["name"] == name)


@pytest.mark.parametrize("version", K8S_VERSIONS)
def test_deploy_every_rendered_resource_passes_the_kubernetes_schema(rendered, version):
    assert set(rendered) == {"Deployment", "Service", "HorizontalPodAutoscaler",
                             "PodDisruptionBudget", "ConfigMap"}
    for doc in rendered.values():
        kubernetes_validate.validate(doc, version, strict=True)


def test_deploy_schema_check_catches_a_misspelt_field(rendered):
    broken = copy.deepcopy(rendered["Deployment"])
    app = broken["spec"]["template"]["spec"]["containers"][0]
    app["readinesProbe"] = app.pop("readinessProbe")
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, K8S_VERSIONS[-1], strict=True)


def test_deploy_python_rendering_matches_the_files():
    kinds = sorted(doc["kind"] for doc in _render_in_python())
    assert kinds == ["ConfigMap", "Deployment", "HorizontalPodAutoscaler",
                     "PodDisruptionBudget", "Service"]


def test_deploy_probes_hit_the_service_health_routes(pod):
    app = _container(pod, "app")
    assert app["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert app["livenessProbe"]["httpGet"]["path"] == "/healthz"
    ports = {p["name"]: p["containerPort"] for c in pod["containers"] for p in c["ports"]}
    assert ports == {"http": 8000, "http-proxy": 8080}
    assert "listen 8080;" in NGINX_CONF.read_text()


def test_deploy_runs_non_root_on_a_read_only_filesystem_with_writable_tmp(pod):
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["securityContext"]["runAsUser"] == 10001  # the Dockerfile's user
    assert "USER 10001" in (ROOT / "Dockerfile").read_text()
    empty_dirs = {v["name"] for v in pod["volumes"] if "emptyDir" in v}
    for container in pod["containers"]:
        context = container["securityContext"]
        assert context["readOnlyRootFilesystem"] is True
        assert context["allowPrivilegeEscalation"] is False
        assert context["capabilities"]["drop"] == ["ALL"]
        mounts = {m["mountPath"]: m["name"] for m in container["volumeMounts"]}
        assert mounts.get("/tmp") in empty_dirs, container["name"]
    env = {e["name"]: e.get("value") for e in _container(pod, "app")["env"]}
    assert env["PROMETHEUS_MULTIPROC_DIR"].startswith("/tmp/")
    assert env["XDG_RUNTIME_DIR"] == "/tmp"  # gunicorn's control socket
    for path in re.findall(r"^\s*(?:pid|\w+_temp_path)\s+(\S+);", NGINX_CONF.read_text(),
                           re.MULTILINE):
        assert path.startswith("/tmp/"), path


def test_deploy_proxy_reads_the_generated_config_and_reaches_the_app(pod, rendered):
    volume = next(v for v in pod["volumes"] if v["name"] == "nginx-conf")
    assert volume["configMap"]["name"] == rendered["ConfigMap"]["metadata"]["name"]
    assert rendered["ConfigMap"]["data"]["nginx.conf"] == NGINX_CONF.read_text()
    upstream = re.search(r"server (\S+):8000", NGINX_CONF.read_text()).group(1)
    assert any(upstream in alias["hostnames"] and alias["ip"] == "127.0.0.1"
               for alias in pod["hostAliases"])
    assert rendered["Service"]["spec"]["ports"][0]["targetPort"] == "http-proxy"


def test_deploy_memory_limit_covers_master_and_workers_at_measured_peak(pod):
    app = _container(pod, "app")
    workers = int(next(e["value"] for e in app["env"] if e["name"] == "WEB_CONCURRENCY"))
    limit = app["resources"]["limits"]["memory"]
    assert limit.endswith("Mi")
    assert int(limit[:-2]) >= (workers + 1) * MEASURED_PEAK_RSS_MIB
    assert int(app["resources"]["requests"]["cpu"]) == workers  # one core per worker


def test_deploy_autoscaler_and_budget_select_the_deployment(rendered):
    labels = rendered["Deployment"]["spec"]["template"]["metadata"]["labels"]
    assert rendered["PodDisruptionBudget"]["spec"]["selector"]["matchLabels"].items() <= \
        labels.items()
    assert rendered["Service"]["spec"]["selector"].items() <= labels.items()
    hpa = rendered["HorizontalPodAutoscaler"]["spec"]
    assert hpa["scaleTargetRef"]["name"] == rendered["Deployment"]["metadata"]["name"]
    assert hpa["metrics"][0]["resource"]["name"] == "cpu"
    assert hpa["minReplicas"] > rendered["PodDisruptionBudget"]["spec"]["minAvailable"]


def test_deploy_proxy_body_limit_matches_the_service(pod):
    match = re.search(r"client_max_body_size (\d+)m;", NGINX_CONF.read_text())
    assert int(match.group(1)) * 1024 * 1024 == DefaultConfig.MAX_CONTENT_LENGTH


@pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is not installed")
def test_deploy_nginx_config_passes_nginx_t(tmp_path):
    # The upstream name only resolves in a pod or in compose: test with its address.
    conf = NGINX_CONF.read_text().replace("server newsx-app:8000", "server 127.0.0.1:8000")
    (tmp_path / "nginx.conf").write_text(conf)
    result = subprocess.run(["nginx", "-t", "-c", str(tmp_path / "nginx.conf"),
                             "-p", str(tmp_path)], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr


def _compose_validator():
    schema_file = (importlib.resources.files("check_jsonschema.builtin_schemas.vendor")
                   / "compose-spec.json")
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    return jsonschema.validators.validator_for(schema)(schema)


def test_compose_file_passes_the_compose_spec_schema():
    compose = yaml.safe_load(COMPOSE.read_text())
    _compose_validator().validate(compose)
    broken = copy.deepcopy(compose)
    broken["services"]["newsx-app"]["deploy"]["replica"] = 2
    with pytest.raises(jsonschema.ValidationError):
        _compose_validator().validate(broken)


def test_compose_runs_replicas_behind_the_same_proxy_config():
    services = yaml.safe_load(COMPOSE.read_text())["services"]
    app, proxy = services["newsx-app"], services["proxy"]
    assert app["deploy"]["replicas"] >= 2
    assert "./deploy/nginx/nginx.conf:/etc/nginx/nginx.conf:ro" in proxy["volumes"]
    assert proxy["depends_on"]["newsx-app"]["condition"] == "service_healthy"
    for service in (app, proxy):
        assert service["read_only"] is True and "/tmp" in service["tmpfs"]
    assert app["environment"]["PROMETHEUS_MULTIPROC_DIR"].startswith("/tmp/")
