<?cs # macros.cs — form fields with labels, kept input and errors tied to the field ?><?cs def:field_error(name) ?><?cs
  if:Form[name].Error ?><p class="field-error" id="e-<?cs var:name ?>"><?cs var:L.Err[Form[name].Error] ?></p><?cs
  /if ?><?cs /def ?><?cs def:field_attrs(name, req) ?> id="f-<?cs var:name ?>" name="<?cs var:name ?>"<?cs
  if:req ?> required<?cs /if ?><?cs
  if:Form[name].Error ?> aria-invalid="true" aria-describedby="e-<?cs var:name ?>"<?cs /if ?><?cs /def ?><?cs def:label(name, text, req) ?><label for="f-<?cs var:name ?>"><?cs var:text ?><?cs
  if:req ?> <span class="req" aria-hidden="true">*</span><?cs /if ?></label><?cs /def ?><?cs def:field(name, text, type, req) ?><div class="field<?cs if:Form[name].Error ?> has-error<?cs /if ?>">
<?cs call:label(name, text, req) ?>
<input type="<?cs var:type ?>"<?cs call:field_attrs(name, req) ?><?cs
  if:type != "password" ?> value="<?cs var:Form[name] ?>"<?cs /if ?>>
<?cs call:field_error(name) ?></div>
<?cs /def ?><?cs def:textarea(name, text, req) ?><div class="field<?cs if:Form[name].Error ?> has-error<?cs /if ?>">
<?cs call:label(name, text, req) ?>
<textarea rows="5"<?cs call:field_attrs(name, req) ?>><?cs var:Form[name] ?></textarea>
<?cs call:field_error(name) ?></div>
<?cs /def ?><?cs # options: a node whose children are value = label ?><?cs def:select(name, text, options, req) ?><div class="field<?cs if:Form[name].Error ?> has-error<?cs /if ?>">
<?cs call:label(name, text, req) ?>
<select<?cs call:field_attrs(name, req) ?>>
<?cs if:!req ?><option value=""><?cs var:L.Common.None ?></option><?cs /if ?><?cs each:o = options ?><option value="<?cs name:o ?>"<?cs if:Form[name] == name(o) ?> selected<?cs /if ?>><?cs var:o ?></option>
<?cs /each ?></select>
<?cs call:field_error(name) ?></div>
<?cs /def ?><?cs def:checkbox(name, text) ?><div class="field field-check">
<input type="checkbox" id="f-<?cs var:name ?>" name="<?cs var:name ?>" value="1"<?cs if:Form[name] ?> checked<?cs /if ?>>
<label for="f-<?cs var:name ?>"><?cs var:text ?></label></div>
<?cs /def ?><?cs # a client chosen without JavaScript (include/guwen/client_pick.h): the search field <name>_q with its find button, the chosen client's id kept, the pick list when several match ?><?cs def:client_pick(name, text) ?><?cs set:qn = name + "_q" ?><div class="field client-pick<?cs if:Form[qn].Error || Form[name].Error ?> has-error<?cs /if ?>">
<?cs call:label(qn, text, 0) ?>
<div class="pick-search"><input type="search"<?cs call:field_attrs(qn, 0) ?> value="<?cs var:Form[qn] ?>" maxlength="200" autocomplete="off">
<button type="submit" name="find_<?cs var:name ?>" value="1" formnovalidate><?cs var:L.Pick.Find ?></button></div>
<?cs if:Form[name] ?><input type="hidden" name="<?cs var:name ?>" value="<?cs var:Form[name] ?>"><?cs /if ?>
<?cs call:field_error(qn) ?><?cs call:field_error(name) ?>
<?cs if:subcount(Pick[name]) ?><fieldset class="pick-list" id="pick-<?cs var:name ?>"><legend><?cs var:L.Pick.Choose ?></legend>
<?cs each:c = Pick[name] ?><label><input type="radio" name="<?cs var:name ?>_pick" value="<?cs var:c.id ?>"> <?cs var:c.name ?><?cs if:c.uscc ?> <small><?cs var:c.uscc ?></small><?cs /if ?></label>
<?cs /each ?></fieldset><?cs /if ?>
<p class="hint"><?cs var:L.Pick.Hint ?></p></div>
<?cs /def ?><?cs def:csrf() ?><input type="hidden" name="csrf" value="<?cs var:CSRF ?>"><?cs /def ?><?cs def:form_errors() ?><?cs if:Form.HasErrors ?><div class="alert alert-error" role="alert"><?cs var:L.Msg.check_fields ?></div><?cs /if ?><?cs /def ?><?cs # lists (lib/list.c): a filter select ("any" = off), the search box, a
 sortable column heading, the pager (keyset: first page and next page) ?><?cs
def:list_filter(name, text, options) ?><div class="field<?cs if:Form[name].Error ?> has-error<?cs /if ?>">
<?cs call:label(name, text, 0) ?>
<select<?cs call:field_attrs(name, 0) ?>>
<option value=""><?cs var:L.List.Any ?></option><?cs each:o = options ?><option value="<?cs name:o ?>"<?cs if:Form[name] == name(o) ?> selected<?cs /if ?>><?cs var:o ?></option>
<?cs /each ?></select>
<?cs call:field_error(name) ?></div>
<?cs /def ?><?cs def:list_search() ?><div class="field<?cs if:Form.q.Error ?> has-error<?cs /if ?>">
<?cs call:label("q", L.List.Search, 0) ?>
<input type="search"<?cs call:field_attrs("q", 0) ?> value="<?cs var:Form.q ?>" maxlength="100" title="<?cs var:L.List.SearchHint ?>">
<?cs call:field_error("q") ?></div>
<?cs /def ?><?cs def:list_sort(name, text) ?><th scope="col"<?cs if:List.Sort == name ?> aria-sort="<?cs if:List.Dir == "desc" ?>descending<?cs else ?>ascending<?cs /if ?>"<?cs /if ?>><?cs if:List.Private ?><?cs var:text ?></th><?cs else ?><a class="sort" href="<?cs var:List.Base ?>?<?cs if:List.Filters ?><?cs var:List.Filters ?>&amp;<?cs /if ?>sort=<?cs var:name ?>&amp;dir=<?cs if:List.Sort == name && List.Dir == "desc" ?>asc<?cs else ?>desc<?cs /if ?>"><?cs var:text ?><?cs if:List.Sort == name ?> <span aria-hidden="true"><?cs if:List.Dir == "desc" ?>↓<?cs else ?>↑<?cs /if ?></span><?cs /if ?></a></th><?cs /if ?><?cs /def ?><?cs def:list_pager() ?><?cs if:List.First || List.Next ?><nav class="pager" aria-label="<?cs var:L.Common.Page ?>">
<?cs if:List.First ?><a href="<?cs var:List.First ?>" rel="first"><?cs var:L.List.First ?></a><?cs /if ?>
<?cs if:List.Next ?><a href="<?cs var:List.Next ?>" rel="next"><?cs var:L.Common.Next ?></a><?cs /if ?>
</nav><?cs /if ?><?cs /def ?>
