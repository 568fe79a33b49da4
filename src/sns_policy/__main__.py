from sns_policy.cli import main

main()
