from imr_companion.cli import main

raise SystemExit(main())
