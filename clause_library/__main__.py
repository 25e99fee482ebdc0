import signal

from clause_library.cli import main

signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `check | head` ends quietly, as shell tools do
raise SystemExit(main())
