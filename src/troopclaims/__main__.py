from troopclaims.cli import main

main()
