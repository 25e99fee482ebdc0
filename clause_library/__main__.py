from clause_library.cli import main

raise SystemExit(main())
