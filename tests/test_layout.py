"""The layout stays easy to read: stage packages with a docstring, no module or function longer than a screen or so."""
import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "troopclaims"
MODULE_LINES = 600
FUNCTION_LINES = 80
# The stages in the order the data passes through them: a stage imports only the shared modules, itself and the
# stages before it. The front (the Python API, the command line, `rules check`) may call any stage.
SHARED = {"errors", "records", "rules", "spans", "notes", "folders", "pipeline", "lookups"}
STAGES = ["reading", "extractors", "attribution", "run", "compare", "output"]
FRONT = {"__init__", "__main__", "cli", "commands", "stdin", "ruleset"}


def modules():
    return sorted(path for path in PACKAGE.rglob("*.py"))


def name(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


def test_no_module_is_longer_than_a_few_screens():
    long = [f"{name(path)}: {count} lines" for path in modules()
            if (count := len(path.read_text(encoding="utf-8").splitlines())) > MODULE_LINES]
    assert not long, f"split these by what they hold (at most {MODULE_LINES} lines): {long}"


def test_no_function_is_longer_than_a_screen():
    long = []
    for path in modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > FUNCTION_LINES:
                    long.append(f"{name(path)}:{node.lineno} {node.name}: {length} lines")
    assert not long, f"split these by the steps they take (at most {FUNCTION_LINES} lines): {long}"


def test_every_stage_package_says_what_comes_in_and_goes_out():
    for init in PACKAGE.glob("*/__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        assert "In:" in doc and "Out:" in doc, f"{name(init)}: its docstring says what comes in and what goes out"


def imported(path: Path) -> set[str]:
    """Return the top-level troopclaims modules or packages a module imports ("rules", "extractors", ...)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module == "troopclaims":
            names |= {alias.name for alias in node.names if alias.name != "__version__"}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("troopclaims."):
            names.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            names |= {alias.name.split(".")[1] for alias in node.names if alias.name.startswith("troopclaims.")}
    return names


def test_no_import_runs_back_up_the_pipeline():
    wrong = []
    for path in modules():
        top = name(path).split("/")[0].removesuffix(".py")
        if top in FRONT:
            continue
        allowed = SHARED | ({top} | set(STAGES[:STAGES.index(top)]) if top in STAGES else set())
        assert top in SHARED or top in STAGES, f"{name(path)}: put it in a stage package or among the shared modules"
        wrong += [f"{name(path)} imports {other}" for other in sorted(imported(path) - allowed)]
    assert not wrong, f"a stage may import only the shared modules and the stages before it: {wrong}"



def test_every_package_travels_in_the_wheel():
    import tomllib

    listed = set(tomllib.loads((PACKAGE.parents[1] / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    packages = {"troopclaims." + name(init.parent).replace("/", ".") if init.parent != PACKAGE else "troopclaims"
                for init in PACKAGE.rglob("__init__.py")}
    assert packages <= listed, f"add to pyproject.toml's packages: {sorted(packages - listed)}"


def test_the_command_line_starts_without_the_stages():
    # `troopclaims --help` stays instant: cli imports a stage only when a command runs.
    import subprocess
    import sys

    code = ("import sys, troopclaims.cli; "
            "print(sorted(m for m in sys.modules if m.split('.')[:2] in (['troopclaims', 'extractors'], "
            "['troopclaims', 'attribution'], ['troopclaims', 'compare']) or m in ('spacy', 'dateparser')))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]", f"imported at start-up: {loaded}"
