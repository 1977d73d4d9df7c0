import WorkforceCLI

WorkforceCLI.main()
