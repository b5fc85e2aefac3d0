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
<?cs /def ?><?cs def:csrf() ?><input type="hidden" name="csrf" value="<?cs var:CSRF ?>"><?cs /def ?><?cs def:form_errors() ?><?cs if:Form.HasErrors ?><div class="alert alert-error" role="alert"><?cs var:L.Msg.check_fields ?></div><?cs /if ?><?cs /def ?><?cs # paging: Paging.Page, Paging.Pages, Paging.Prev, Paging.Next are full hrefs ?><?cs def:pager() ?><?cs if:Paging.Pages > 1 ?><nav class="pager" aria-label="<?cs var:L.Common.Page ?>">
<?cs if:Paging.Prev ?><a href="<?cs var:Paging.Prev ?>" rel="prev"><?cs var:L.Common.Previous ?></a><?cs /if ?>
<span><?cs var:Paging.Page ?> / <?cs var:Paging.Pages ?></span>
<?cs if:Paging.Next ?><a href="<?cs var:Paging.Next ?>" rel="next"><?cs var:L.Common.Next ?></a><?cs /if ?>
</nav><?cs /if ?><?cs /def ?>