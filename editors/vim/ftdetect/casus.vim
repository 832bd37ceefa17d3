" casus scenarios: Scenarios/*.casus
autocmd BufRead,BufNewFile *.casus setfiletype casus
