#!/usr/bin/env python3
"""Checks the deployment files without a Docker engine or a Kubernetes cluster.

Always: every YAML file under deploy/ parses (multi-document too); every Kubernetes document
has apiVersion, kind and metadata.name; the manifests refer to each other consistently
(selectors, ports, ConfigMap/Secret names, probe paths, Ingress affinity); the compose file
has Redis, the replicated server and the load balancer.
When the tool is installed: yamllint; `docker compose config` (or docker-compose 1.x);
`kubectl kustomize`; `nginx -t` on a copy of the nginx config with local upstreams, plus a
smoke test of its sticky sessions against three stub backends; redis-server accepting the
Redis options used. A missing tool is reported as SKIP, not as a pass.

Usage: python3 deploy/validate.py     (exit code 1 if any check failed)
"""
import http.server, json, os, pathlib, re, shutil, socket, subprocess, sys, tempfile, threading, time
import urllib.request

import yaml

DEPLOY = pathlib.Path(__file__).resolve().parent
results = []  # (status, name, detail)


def record(status, name, detail=""):
    results.append((status, name, detail))
    print(f"{status:4} {name}" + (f": {detail}" if detail else ""), flush=True)


def check(name, fn):
    try:
        detail = fn()
        record("PASS", name, detail or "")
    except Skip as s:
        record("SKIP", name, str(s))
    except Exception as e:  # a failed check is reported, and the others still run
        record("FAIL", name, f"{type(e).__name__}: {e}")


class Skip(Exception):
    pass


def need(tool):
    path = shutil.which(tool)
    if not path:
        raise Skip(f"{tool} is not installed")
    return path


def yaml_files():
    return sorted(p for p in DEPLOY.rglob("*") if p.suffix in (".yml", ".yaml"))


def load_k8s():
    docs = []
    for p in sorted((DEPLOY / "k8s").glob("*.yaml")):
        if p.name == "kustomization.yaml":
            continue
        docs += [(p.name, d) for d in yaml.safe_load_all(p.read_text()) if d is not None]
    return docs


def parse_all():
    n = 0
    for p in yaml_files():
        n += sum(1 for _ in yaml.safe_load_all(p.read_text()))
    return f"{len(yaml_files())} files, {n} documents"


def k8s_shape():
    docs = load_k8s()
    for name, d in docs:
        for key in ("apiVersion", "kind"):
            assert d.get(key), f"{name}: a document has no {key}"
        assert (d.get("metadata") or {}).get("name"), f"{name}: a {d['kind']} has no metadata.name"
    return f"{len(docs)} documents: " + ", ".join(f"{d['kind']}/{d['metadata']['name']}" for _, d in docs)


def k8s_consistency():
    docs = {(d["kind"], d["metadata"]["name"]): d for _, d in load_k8s()}
    kust = yaml.safe_load((DEPLOY / "k8s/kustomization.yaml").read_text())
    listed = set(kust["resources"])
    files = {p.name for p in (DEPLOY / "k8s").glob("*.yaml")} - {"kustomization.yaml", "secret.example.yaml"}
    assert listed == files, f"kustomization resources {sorted(listed)} differ from the files {sorted(files)}"

    dep = docs[("Deployment", "netwerklive")]
    spec = dep["spec"]
    assert spec["replicas"] == 3
    labels = spec["template"]["metadata"]["labels"]
    assert all(labels.get(k) == v for k, v in spec["selector"]["matchLabels"].items()), "selector does not match pod labels"
    pod = spec["template"]["spec"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    c = pod["containers"][0]
    ports = {p["name"]: p["containerPort"] for p in c["ports"]}
    assert ports == {"http": 8080}, f"container ports {ports}"
    assert c["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert c["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert c["resources"]["requests"] and c["resources"]["limits"]
    env = {e.get("configMapRef", e.get("secretRef"))["name"] for e in c["envFrom"]}
    assert env == {"netwerklive-config", "netwerklive-auth"}, env
    cm = docs[("ConfigMap", "netwerklive-config")]["data"]
    assert cm["Redis__ConnectionString"].split(":")[0] in {n for k, n in docs if k == "Service"}, "Redis service name"
    secret = yaml.safe_load((DEPLOY / "k8s/secret.example.yaml").read_text())
    assert secret["metadata"]["name"] == "netwerklive-auth" and "Auth__SigningKey" in secret["stringData"]
    mounts = {m["name"] for m in c.get("volumeMounts", [])}
    assert mounts <= {v["name"] for v in pod.get("volumes", [])}, "a volumeMount has no volume"

    # coturn checks the TURN credentials the server pods sign: both read one key of one Secret.
    assert "Video__TurnSecret" in secret["stringData"], "the Secret example has no Video__TurnSecret"
    turn = docs[("Deployment", "coturn")]["spec"]["template"]["spec"]
    assert turn["hostNetwork"] is True, "coturn needs the node's network for its relay ports"
    tc = turn["containers"][0]
    ref = next(e["valueFrom"]["secretKeyRef"] for e in tc["env"] if e["name"] == "TURN_SECRET")
    assert (ref["name"], ref["key"]) == ("netwerklive-auth", "Video__TurnSecret"), ref
    assert "--static-auth-secret=$(TURN_SECRET)" in tc["args"] and "--use-auth-secret" in tc["args"]
    assert all(not k.startswith("Video__TurnSecret") for k in cm), "the TURN secret must not be in the ConfigMap"
    turn_urls = [v for k, v in cm.items() if k.startswith("Video__IceServers__") and v.startswith("turn:")]
    listening = next(a for a in tc["args"] if a.startswith("--listening-port=")).split("=")[1]
    assert turn_urls and all(re.match(rf"^turn:[^:]+:{listening}(\?transport=(udp|tcp))?$", u) for u in turn_urls), turn_urls
    assert {p["containerPort"] for p in tc["ports"]} == {int(listening)}

    svc = docs[("Service", "netwerklive")]["spec"]
    assert all(labels.get(k) == v for k, v in svc["selector"].items()), "Service selects no server pod"
    assert svc["ports"][0]["targetPort"] in ports
    ing = docs[("Ingress", "netwerklive")]
    ann = ing["metadata"]["annotations"]
    assert ann["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    assert ann["nginx.ingress.kubernetes.io/session-cookie-name"]
    assert int(ann["nginx.ingress.kubernetes.io/proxy-read-timeout"]) >= 3600
    backend = ing["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]
    assert backend["name"] == "netwerklive" and backend["port"]["name"] == svc["ports"][0]["name"]

    redis = docs[("Deployment", "redis")]["spec"]
    rc = redis["template"]["spec"]["containers"][0]
    assert "--appendonly" in rc["args"] and rc["args"][rc["args"].index("--appendonly") + 1] == "yes"
    claim = redis["template"]["spec"]["volumes"][0]["persistentVolumeClaim"]["claimName"]
    assert ("PersistentVolumeClaim", claim) in docs
    rsvc = docs[("Service", "redis")]["spec"]
    assert all(redis["template"]["metadata"]["labels"].get(k) == v for k, v in rsvc["selector"].items())
    pdb = docs[("PodDisruptionBudget", "netwerklive")]["spec"]
    assert pdb["selector"]["matchLabels"] == spec["selector"]["matchLabels"]
    return ("selectors, ports, probes, ConfigMap/Secret names, Ingress backend and affinity, Redis volume, "
            "coturn's secret and port with the server's TURN settings agree")


def compose_shape():
    c = yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())
    s = c["services"]
    assert set(s) == {"redis", "server", "lb", "turn"}, set(s)
    assert s["server"]["deploy"]["replicas"] >= 2
    assert "ports" not in s["server"], "replicas must not publish ports: clients go through the load balancer"
    env = s["server"]["environment"]
    assert env["Redis__ConnectionString"] == "redis:6379"
    assert ":?" in env["Auth__SigningKey"], "the signing key must be required, not defaulted"
    assert "--appendonly" in s["redis"]["command"]
    # coturn and the server share one required secret: the server signs TURN credentials, coturn checks them.
    turn = s["turn"]
    assert turn["network_mode"] == "host", "coturn's relay ports must be the host's own"
    secret_var = re.fullmatch(r"\$\{(NETWERKLIVE_TURN_SECRET):\?.+\}", env["Video__TurnSecret"])
    assert secret_var, "the TURN secret must be required, not defaulted"
    assert any(a.startswith("--static-auth-secret=${NETWERKLIVE_TURN_SECRET:?") for a in turn["command"])
    assert "--use-auth-secret" in turn["command"]
    listening = next(a for a in turn["command"] if a.startswith("--listening-port=")).split("=")[1]
    urls = [v for k, v in env.items() if k.startswith("Video__IceServers__")]
    assert urls and all(re.search(rf":{listening}(\?transport=(udp|tcp))?$", u) for u in urls), urls
    return "redis + server x%d + lb + turn" % s["server"]["deploy"]["replicas"]


def yamllint():
    tool = need("yamllint")
    conf = "{extends: relaxed, rules: {line-length: {max: 120}}}"
    out = subprocess.run([tool, "-f", "parsable", "-d", conf, *map(str, yaml_files())], capture_output=True, text=True)
    problems = [l for l in out.stdout.splitlines() if "[error]" in l]
    assert not problems, "\n".join(problems)
    return f"no errors ({len(out.stdout.splitlines())} warnings)"


def compose_config():
    if shutil.which("docker") and subprocess.run(["docker", "compose", "version"], capture_output=True).returncode == 0:
        cmd = ["docker", "compose"]
    elif shutil.which("docker-compose"):
        cmd = ["docker-compose"]
    else:
        raise Skip("neither `docker compose` nor docker-compose is installed")
    base = cmd + ["-f", str(DEPLOY / "docker-compose.yml"), "config"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("NETWERKLIVE_")}
    key, turn = {"NETWERKLIVE_SIGNING_KEY": "x" * 40}, {"NETWERKLIVE_TURN_SECRET": "t" * 40}
    bad = subprocess.run(base, capture_output=True, text=True, env=env | turn, cwd=DEPLOY.parent)
    assert bad.returncode != 0 and "NETWERKLIVE_SIGNING_KEY" in bad.stderr, "compose must refuse to run without a signing key"
    bad = subprocess.run(base, capture_output=True, text=True, env=env | key, cwd=DEPLOY.parent)
    assert bad.returncode != 0 and "NETWERKLIVE_TURN_SECRET" in bad.stderr, "compose must refuse to run without a TURN secret"
    ok = subprocess.run(base, capture_output=True, text=True, cwd=DEPLOY.parent, env=env | key | turn)
    assert ok.returncode == 0, ok.stderr
    version = subprocess.run(cmd + ["version", "--short"], capture_output=True, text=True).stdout.strip()
    return f"`{' '.join(cmd)} config` ({version}) accepts it with a key and a TURN secret and refuses it without either"


def kustomize():
    tool = need("kubectl")
    out = subprocess.run([tool, "kustomize", str(DEPLOY / "k8s")], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    kinds = [d["kind"] for d in yaml.safe_load_all(out.stdout) if d]
    assert all(d["metadata"]["namespace"] == "netwerklive" for d in yaml.safe_load_all(out.stdout) if d and d["kind"] != "Namespace")
    return f"{len(kinds)} objects, all in namespace netwerklive"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Stub(http.server.BaseHTTPRequestHandler):
    """A stand-in replica: answers which node it is and the hop headers nginx passed on."""

    def reply(self):
        body = json.dumps({"node": self.server.node, "upgrade": self.headers.get("Upgrade"),
                           "connection": self.headers.get("Connection")}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = reply

    def log_message(self, *args):
        pass


def nginx_config():
    tool = need("nginx")
    conf = (DEPLOY / "nginx/netwerklive.conf").read_text()
    ports = [free_port() for _ in range(3)]
    listen = free_port()
    # Only the hosts change: `server` resolves only inside Compose, and `resolve` needs
    # nginx 1.27.3+ (the image has 1.28; Debian 12 ships 1.22).
    upstreams = "\n".join(f"    server 127.0.0.1:{p} max_fails=1 fail_timeout=30s;" for p in ports)
    test, n = re.subn(r"^    server server:8080 resolve;$", upstreams, conf, flags=re.M)
    assert n == 1, "the upstream line changed shape: update validate.py"
    test, n = re.subn(r"^    listen 80;$", f"    listen 127.0.0.1:{listen};", test, flags=re.M)
    assert n == 1, "the listen line changed shape: update validate.py"
    test, n = re.subn(r"^    access_log /var/log/nginx/access.log ", f"    access_log {{tmp}}/access.log ", test, flags=re.M)
    assert n == 1, "the access_log line changed shape: update validate.py"

    tmp = pathlib.Path(tempfile.mkdtemp(prefix="netwerklive-nginx-"))
    os.chmod(tmp, 0o777)
    test = test.replace("{tmp}", str(tmp))
    (tmp / "netwerklive.conf").write_text(test)
    (tmp / "nginx.conf").write_text(
        f"pid {tmp}/nginx.pid;\nerror_log {tmp}/error.log;\nevents {{}}\n"
        f"http {{\n  access_log off;\n  client_body_temp_path {tmp}/body; proxy_temp_path {tmp}/proxy;\n"
        f"  fastcgi_temp_path {tmp}/fcgi; uwsgi_temp_path {tmp}/uwsgi; scgi_temp_path {tmp}/scgi;\n"
        f"  include {tmp}/netwerklive.conf;\n}}\n")
    t = subprocess.run([tool, "-t", "-p", str(tmp), "-c", str(tmp / "nginx.conf")], capture_output=True, text=True)
    assert t.returncode == 0, t.stderr
    check("nginx sticky sessions (stub replicas)", lambda: nginx_smoke(tool, tmp, ports, listen))
    shutil.rmtree(tmp, ignore_errors=True)
    return subprocess.run([tool, "-v"], capture_output=True, text=True).stderr.strip() + " -t: syntax ok"


def nginx_smoke(tool, tmp, ports, listen):
    stubs = []
    for i, p in enumerate(ports):
        srv = http.server.ThreadingHTTPServer(("127.0.0.1", p), Stub)
        srv.node = i
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        stubs.append(srv)
    proc = subprocess.Popen([tool, "-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-g", "daemon off;"])
    try:
        base = f"http://127.0.0.1:{listen}"
        for _ in range(50):
            try:
                socket.create_connection(("127.0.0.1", listen), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.1)

        def get(path, cookie=None, method="GET", headers=None):
            req = urllib.request.Request(base + path, method=method, data=b"" if method == "POST" else None)
            if cookie:
                req.add_header("Cookie", cookie)
            for k, v in (headers or {}).items():
                req.add_header(k, v)
            with urllib.request.urlopen(req, timeout=5) as r:
                return json.load(r), r.headers.get("Set-Cookie")

        first, set_cookie = get("/")
        assert set_cookie and set_cookie.startswith("netwerklive_node="), f"no affinity cookie: {set_cookie}"
        cookie = set_cookie.split(";")[0]
        node = first["node"]
        for path, method, hdr in [("/hubs/event/negotiate?negotiateVersion=1", "POST", None),
                                  ("/hubs/event?id=abc", "GET", {"Upgrade": "websocket", "Connection": "Upgrade"}),
                                  ("/hubs/event?id=abc", "GET", None), ("/api/events/x", "GET", None)] * 5:
            seen, again = get(path, cookie, method, hdr)
            assert seen["node"] == node, f"{method} {path} went to node {seen['node']}, not {node}"
            assert again is None, "the cookie was set again"
            if hdr:
                assert seen["upgrade"] == "websocket" and seen["connection"].lower() == "upgrade", seen
            else:
                assert seen["connection"] == "close", seen
        # Hub requests carry the token in the query: the access log must not keep it.
        get("/hubs/event?id=abc&access_token=secret-token-value", cookie)
        logged = (tmp / "access.log").read_text()
        assert "secret-token-value" not in logged and "access_token" not in logged, "the access log keeps the token"
        assert "GET /hubs/event " in logged, f"the hub request was not logged: {logged[-300:]}"
        spread = {get("/")[0]["node"] for _ in range(30)}
        assert len(spread) >= 2, f"30 new clients all landed on {spread}"
        # The replica dies: its clients move to another one instead of getting errors.
        stubs[node].shutdown()
        stubs[node].server_close()
        moved, _ = get("/hubs/event/negotiate?negotiateVersion=1", cookie, "POST")
        assert moved["node"] != node
        return (f"one client stays on one replica across negotiate, WebSocket upgrade and plain requests; "
                f"Upgrade/Connection passed on; the access log keeps no query (no access_token); 30 new clients spread over {len(spread)} replicas; "
                f"a dead replica's client moves on")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        for s in stubs:
            s.shutdown()


def redis_options():
    tool = need("redis-server")
    comp = yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())["services"]["redis"]["command"]
    k8s = next(d for _, d in load_k8s() if d["kind"] == "Deployment" and d["metadata"]["name"] == "redis")
    args = k8s["spec"]["template"]["spec"]["containers"][0]["args"]
    out = []
    for name, argv in (("compose", comp), ("k8s", args)):
        tmp = tempfile.mkdtemp(prefix="netwerklive-redis-")
        port = free_port()
        proc = subprocess.Popen([tool, *argv[1:], "--port", str(port), "--bind", "127.0.0.1", "--dir", tmp],
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            for _ in range(50):
                r = subprocess.run(["redis-cli", "-p", str(port), "config", "get", "appendonly"], capture_output=True, text=True)
                if r.returncode == 0 and "yes" in r.stdout:
                    break
                assert proc.poll() is None, f"redis-server refused the {name} options: {proc.stdout.read()}"
                time.sleep(0.1)
            else:
                raise AssertionError(f"redis-server with the {name} options did not come up")
            policy = subprocess.run(["redis-cli", "-p", str(port), "config", "get", "maxmemory-policy"], capture_output=True, text=True).stdout.split()
            assert policy[-1] == "noeviction", policy
            out.append(name)
        finally:
            proc.terminate()
            proc.wait(timeout=10)
            shutil.rmtree(tmp, ignore_errors=True)
    version = subprocess.run([tool, "--version"], capture_output=True, text=True).stdout.split()[2]
    return f"redis-server {version} starts with the {' and '.join(out)} options (appendonly yes, noeviction)"


def coturn_options():
    """Debian's coturn (the image's 4.6) with the compose and k8s arguments: it starts, takes a credential signed
    as the server signs it (TURN REST API: "expiry:id", base64 HMAC-SHA1 of the shared secret) and refuses one
    signed with another secret. Only the ports, the secret and loopback differ: turnutils_uclient relays between
    two allocations on 127.0.0.1, which coturn refuses unless loopback peers are allowed."""
    tool = need("turnserver")
    client = need("turnutils_uclient")
    import base64, hashlib, hmac
    comp = yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())["services"]["turn"]["command"]
    k8s = next(d for _, d in load_k8s() if d["kind"] == "Deployment" and d["metadata"]["name"] == "coturn")
    args = k8s["spec"]["template"]["spec"]["containers"][0]["args"]
    out = []
    for name, argv in (("compose", comp), ("k8s", args)):
        secret, port, tmp = os.urandom(16).hex(), free_port(), tempfile.mkdtemp(prefix="netwerklive-coturn-")
        local = []
        for a in argv:
            if a.startswith("--static-auth-secret="):
                a = f"--static-auth-secret={secret}"
            elif a.startswith("--listening-port="):
                a = f"--listening-port={port}"
            elif a.startswith("--pidfile="):
                a = f"--pidfile={tmp}/turnserver.pid"
            elif a.startswith("--realm=${"):
                a = "--realm=netwerklive"
            local.append(a)
        local += ["--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1", "--allow-loopback-peers"]
        proc = subprocess.Popen([tool, *local], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            for _ in range(50):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                    break
                except OSError:
                    assert proc.poll() is None, f"turnserver refused the {name} arguments: {proc.stdout.read()[-800:]}"
                    time.sleep(0.1)
            else:
                raise AssertionError(f"turnserver with the {name} arguments did not listen")

            def allocate(key):
                user = f"{int(time.time()) + 600}:validate"
                cred = base64.b64encode(hmac.new(key.encode(), user.encode(), hashlib.sha1).digest()).decode()
                return subprocess.run([client, "-y", "-c", "-n", "1", "-u", user, "-w", cred, "-p", str(port), "127.0.0.1"],
                                      capture_output=True, text=True, timeout=30).returncode == 0

            assert allocate(secret), f"the {name} coturn refused a credential signed with its secret"
            assert not allocate("another-secret-0123456789"), f"the {name} coturn took a credential signed with another secret"
            out.append(name)
        finally:
            proc.terminate()
            proc.wait(timeout=10)
            shutil.rmtree(tmp, ignore_errors=True)
    return f"turnserver starts with the {' and '.join(out)} arguments, takes a credential signed with its secret, refuses another"


check("YAML parses", parse_all)
check("Kubernetes documents have apiVersion, kind, metadata.name", k8s_shape)
check("Kubernetes manifests agree with each other", k8s_consistency)
check("compose file shape", compose_shape)
check("yamllint", yamllint)
check("compose config", compose_config)
check("kubectl kustomize", kustomize)
check("nginx -t", nginx_config)
check("Redis options", redis_options)
check("coturn options", coturn_options)

failed = sum(1 for r in results if r[0] == "FAIL")
print(f"{sum(1 for r in results if r[0] == 'PASS')} passed, {failed} failed, {sum(1 for r in results if r[0] == 'SKIP')} skipped")
sys.exit(1 if failed else 0)
