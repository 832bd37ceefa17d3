-- A facilitator's editing session in Neovim's own LSP client, headless, for
-- EndToEndTests/NeovimLSPTests. Reads CASUS_BIN, CASUS_FILE (a copy of a bundled scenario
-- with a typo) and CASUS_RESULT; writes what it saw to CASUS_RESULT as JSON. Every wait has
-- a bound, so a server that never answers ends the session instead of hanging it.
local result = {}
local bin, file, out = os.getenv('CASUS_BIN'), os.getenv('CASUS_FILE'), os.getenv('CASUS_RESULT')

local function finish()
  local f = io.open(out, 'w')
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qa!')
end

local function line_of(pattern)
  for i, l in ipairs(vim.api.nvim_buf_get_lines(0, 0, -1, false)) do
    if l:find(pattern, 1, true) then return i - 1 end
  end
  error('no line with ' .. pattern)
end

local function session()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  vim.bo.filetype = 'casus'
  local client = vim.lsp.start_client({
    name = 'casus', cmd = { bin, 'lsp' }, root_dir = vim.fn.fnamemodify(file, ':h'),
    flags = { debounce_text_changes = 0 },
  })
  vim.lsp.buf_attach_client(0, client)
  local buf = vim.api.nvim_get_current_buf()

  -- 1. The typo's diagnostic, where casus check puts it.
  vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(result.diagnostics, { line = d.lnum, col = d.col, code = d.code, message = d.message, severity = d.severity })
  end

  -- 2. Fixing the typo clears it.
  local typo = line_of('groepsdruk_positif')
  local fixed = vim.api.nvim_buf_get_lines(buf, typo, typo + 1, false)[1]:gsub('groepsdruk_positif', 'groepsdruk_positief')
  vim.api.nvim_buf_set_lines(buf, typo, typo + 1, false, { fixed })
  result.cleared = vim.wait(20000, function() return #vim.diagnostic.get(buf) == 0 end, 20)

  -- 3. A keyword completed at the start of a new line.
  local at = line_of('invoegen "gedeeld/groepsdynamiek.casus"')
  vim.api.nvim_buf_set_lines(buf, at, at, false, { 'invo' })
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/completion', {
    textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = at, character = 4 },
  }, 20000) or {}
  result.completion = {}
  for _, r in pairs(responses) do
    for _, item in ipairs(r.result or {}) do table.insert(result.completion, item.label) end
  end
  vim.api.nvim_buf_set_lines(buf, at, at + 1, false, {})

  -- 4. Go to a role's definition from where the case text names it.
  local story = line_of('pesters zijn.')
  vim.api.nvim_buf_set_lines(buf, story + 1, story + 1, false, { '    Zie ook {pesters}.' })
  vim.api.nvim_win_set_cursor(0, { story + 2, 16 })
  vim.lsp.buf.definition()
  vim.wait(20000, function() return vim.api.nvim_win_get_cursor(0)[1] ~= story + 2 end, 20)
  result.definition_line = vim.api.nvim_win_get_cursor(0)[1] - 1
  result.role_line = line_of('rol pesters:')

  -- 5. Format: a line indented wrongly is laid out as casus fmt lays it out.
  local heading = line_of('    kop: Onze casus')
  vim.api.nvim_buf_set_lines(buf, heading, heading + 1, false, { '  kop: Onze casus' })
  vim.wait(20000, function() return #vim.diagnostic.get(buf) == 0 end, 20)
  result.before_format = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n') .. '\n'
  vim.lsp.buf.formatting_sync(nil, 20000)
  result.after_format = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n') .. '\n'
end

local ok, err = xpcall(session, debug.traceback)
if not ok then result.error = err end
finish()
