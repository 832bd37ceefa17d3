" Vim syntax file for casus scenarios (.casus). Keywords are highlighted at the start of a
" line only, in lower case, as the bundled scenarios write them: prose lines that happen to
" begin with "Als" stay prose.
if exists('b:current_syntax')
  finish
endif

syntax match casusComment /^\s*#.*$/
syntax match casusMetadata /^\(titel\|title\|doelgroep\|audience\|taal\|language\|duur\|duration\|bron\|source\|auteur\|author\|leden\|members\|taken\|jobs\):/
syntax match casusBlock /^\s*\(stap\|step\|als\|if\|anders als\|else if\|anders\|else\|einde\|end\|voor\|for\|blad\|sheet\)\>/
syntax match casusQuestion /^\s*\(vraag\|ask\|oplossingen\|solutions\|effect\|stem\|vote\)\>/ nextgroup=casusAnswerId skipwhite
syntax match casusAnswerId /[[:alpha:]_][[:alnum:]_]*/ contained nextgroup=casusType skipwhite
syntax match casusType /([^)]*)/ contained
syntax match casusKeyword /^\s*\(casus\|case\|rol\|role\|info\|notitie\|note\|invoegen\|include\|zeg\|say\|kop\|heading\|toon\|show\)\>/ nextgroup=casusName skipwhite
syntax match casusName /[[:alpha:]_][[:alnum:]_]*\ze\s*:/ contained
syntax match casusOption /^\s*-\s/
syntax match casusInterpolation /{[[:alpha:]_][[:alnum:]_]*}/
syntax region casusString start=/"/ end=/"/ oneline

highlight default link casusComment Comment
highlight default link casusMetadata PreProc
highlight default link casusBlock Statement
highlight default link casusQuestion Keyword
highlight default link casusKeyword Keyword
highlight default link casusAnswerId Identifier
highlight default link casusName Identifier
highlight default link casusType Type
highlight default link casusOption Special
highlight default link casusInterpolation Identifier
highlight default link casusString String

let b:current_syntax = 'casus'
