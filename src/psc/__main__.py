from psc.launch import main

main()
