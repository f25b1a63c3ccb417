Strata.main()
