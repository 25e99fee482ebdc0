"""Run one `mkdocs build` in this process and print its wall time and peak memory as JSON."""

import json
import logging
import resource
import sys
import time

from mkdocs.commands.build import build
from mkdocs.config import load_config

config_file, site_dir = sys.argv[1], sys.argv[2]
logging.basicConfig(level=logging.ERROR)
start = time.perf_counter()
config = load_config(config_file, site_dir=site_dir)
build(config)
seconds = time.perf_counter() - start
peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # Linux reports KiB
print(json.dumps({"seconds": seconds, "peak_mib": peak_kib / 1024}))
