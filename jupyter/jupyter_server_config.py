# JupyterLab's server for `make lab` (the Makefile puts this folder on JUPYTER_CONFIG_PATH).
# The chapters (notebooks/*.md) are MyST notebooks: Jupytext, a server extension installed with
# JupyterLab in .venv-lab, opens them as notebooks and saves them back as MyST (see jupytext.toml);
# labconfig/default_setting_overrides.json makes "Jupytext Notebook" their default viewer.
c = get_config()  # noqa: F821 (defined by Jupyter when it loads this file)

c.ServerApp.ip = "127.0.0.1"  # this machine only
c.ServerApp.open_browser = False
c.ServerApp.port_retries = 0  # the port asked for, or an error
# Token authentication stays on: the server prints its URL with a fresh token (or uses $JUPYTER_TOKEN).
c.ServerApp.allow_remote_access = False
c.ServerApp.default_url = "/lab/tree/notebooks"
