-- casus in Neovim (0.7 or later): `casus lsp` for every buffer of filetype casus, one
-- server per scenario folder. Load it from init.lua (see docs/editors.md):
--   vim.opt.runtimepath:append('/path/to/casus/editors/vim')
--   dofile('/path/to/casus/editors/nvim/casus.lua')
local clients = {}

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'casus',
  callback = function(args)
    local folder = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(args.buf), ':p:h')
    local id = clients[folder]
    if id == nil or vim.lsp.get_client_by_id(id) == nil then
      id = vim.lsp.start_client({ name = 'casus', cmd = { vim.g.casus_command or 'casus', 'lsp' }, root_dir = folder })
      clients[folder] = id
    end
    if id then
      vim.lsp.buf_attach_client(args.buf, id)
      vim.bo[args.buf].omnifunc = 'v:lua.vim.lsp.omnifunc'
      local map = function(keys, fn) vim.keymap.set('n', keys, fn, { buffer = args.buf }) end
      map('gd', vim.lsp.buf.definition)
      map('K', vim.lsp.buf.hover)
      map('gr', vim.lsp.buf.references)
    end
  end,
})
