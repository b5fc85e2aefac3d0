<?cs # admin_project_type_form.cs — one project type: its names, its ordered steps and its materials checklist (add, rename, move, switch off and on), and switching the type off ?><?cs include:"admin_macros.cs" ?><?cs
def:item_rows(kind, rows, label) ?><?cs if:subcount(rows) ?><ol class="type-items" id="<?cs var:kind ?>-list"><?cs each:r = rows ?>
<li id="<?cs var:kind ?>-<?cs var:r.seq ?>"<?cs if:r.active != 1 ?> class="off"<?cs /if ?>>
<?cs set:mine = Edit.kind == kind && Edit.seq == r.seq ?><form method="post" action="<?cs var:URL.admin ?>/project-types/<?cs var:Type.id ?>/<?cs var:kind ?>/<?cs var:r.seq ?>" class="inline"><?cs call:csrf() ?>
<input type="text" name="item_zh" required maxlength="100" aria-label="<?cs var:label ?> <?cs var:r.seq ?> · <?cs var:L.Admin.Types.NameZh ?>" value="<?cs if:mine ?><?cs var:Form.item_zh ?><?cs else ?><?cs var:r.name_zh ?><?cs /if ?>"<?cs if:mine && Form.item_zh.Error ?> aria-invalid="true"<?cs /if ?>>
<input type="text" name="item_en" required maxlength="100" aria-label="<?cs var:label ?> <?cs var:r.seq ?> · <?cs var:L.Admin.Types.NameEn ?>" value="<?cs if:mine ?><?cs var:Form.item_en ?><?cs else ?><?cs var:r.name_en ?><?cs /if ?>"<?cs if:mine && Form.item_en.Error ?> aria-invalid="true"<?cs /if ?>>
<button type="submit"><?cs var:L.Admin.Types.Save ?></button></form>
<?cs if:mine && (Form.item_zh.Error || Form.item_en.Error) ?><span class="field-error" role="alert"><?cs var:L.Err[Form.item_zh.Error] ?><?cs var:L.Err[Form.item_en.Error] ?></span><?cs /if ?>
<?cs if:r.active != 1 ?><span class="badge off"><?cs var:L.Admin.Types.Inactive ?></span><?cs /if ?>
<?cs if:name(r) != "0" ?><form method="post" action="<?cs var:URL.admin ?>/project-types/<?cs var:Type.id ?>/<?cs var:kind ?>/<?cs var:r.seq ?>/up" class="inline"><?cs call:csrf() ?><button type="submit"><?cs var:L.Admin.Types.Up ?></button></form><?cs /if ?>
<?cs if:name(r) + 1 < subcount(rows) ?><form method="post" action="<?cs var:URL.admin ?>/project-types/<?cs var:Type.id ?>/<?cs var:kind ?>/<?cs var:r.seq ?>/down" class="inline"><?cs call:csrf() ?><button type="submit"><?cs var:L.Admin.Types.Down ?></button></form><?cs /if ?>
<form method="post" action="<?cs var:URL.admin ?>/project-types/<?cs var:Type.id ?>/<?cs var:kind ?>/<?cs var:r.seq ?>/<?cs if:r.active == 1 ?>deactivate<?cs else ?>activate<?cs /if ?>" class="inline"><?cs call:csrf() ?><button type="submit"<?cs if:r.active == 1 ?> class="danger"<?cs /if ?>><?cs if:r.active == 1 ?><?cs var:L.Admin.Types.Off ?><?cs else ?><?cs var:L.Admin.Types.On ?><?cs /if ?></button></form>
</li><?cs /each ?></ol><?cs else ?><p class="empty"><?cs var:L.Admin.Types.ListEmpty ?></p><?cs /if ?><?cs /def ?>
<?cs call:admin_nav() ?>
<section class="card">
<h1><?cs var:L.Admin.Types.EditTitle ?> · <?cs var:Type.code ?></h1>
<p><?cs if:Type.active == 1 ?><span class="badge"><?cs var:L.Admin.Users.Active ?></span><?cs else ?><span class="badge off"><?cs var:L.Admin.Users.Inactive ?></span><?cs /if ?>
<?cs var:L.Admin.Types.MonthlyCol ?>: <?cs if:Type.monthly == 1 ?><?cs var:L.Common.Yes ?><?cs else ?><?cs var:L.Common.No ?><?cs /if ?></p>
<?cs call:form_errors() ?>
<form method="post" action="<?cs var:URL.admin ?>/project-types/<?cs var:Type.id ?>" class="form"><?cs call:csrf() ?>
<div class="form-grid">
<?cs call:field("name_zh", L.Admin.Types.NameZh, "text", 1) ?>
<?cs call:field("name_en", L.Admin.Types.NameEn, "text", 1) ?>
</div>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Admin.Types.Rename ?></button>
<a class="button" href="<?cs var:URL.admin ?>/project-types"><?cs var:L.Admin.Types.Back ?></a></div>
</form>
</section>
<section class="card" aria-labelledby="h-steps" id="steps">
<h2 id="h-steps"><?cs var:L.Admin.Types.Steps ?></h2>
<?cs call:item_rows("steps", Steps, L.Admin.Types.Steps) ?>
<form method="post" action="<?cs var:URL.admin ?>/project-types/<?cs var:Type.id ?>/steps" class="form"><?cs call:csrf() ?>
<div class="form-grid">
<?cs call:field("step_zh", L.Admin.Types.NameZh, "text", 1) ?>
<?cs call:field("step_en", L.Admin.Types.NameEn, "text", 1) ?>
</div>
<div class="actions"><button type="submit"><?cs var:L.Admin.Types.AddStep ?></button></div>
</form>
</section>
<section class="card" aria-labelledby="h-materials" id="materials">
<h2 id="h-materials"><?cs var:L.Admin.Types.Materials ?></h2>
<?cs call:item_rows("materials", Materials, L.Admin.Types.Materials) ?>
<form method="post" action="<?cs var:URL.admin ?>/project-types/<?cs var:Type.id ?>/materials" class="form"><?cs call:csrf() ?>
<div class="form-grid">
<?cs call:field("material_zh", L.Admin.Types.NameZh, "text", 1) ?>
<?cs call:field("material_en", L.Admin.Types.NameEn, "text", 1) ?>
</div>
<div class="actions"><button type="submit"><?cs var:L.Admin.Types.AddMaterial ?></button></div>
</form>
</section>
<section class="card" aria-labelledby="h-type-status">
<h2 id="h-type-status"><?cs var:L.Admin.Types.Status ?></h2>
<?cs if:Type.active == 1 ?>
<form method="post" action="<?cs var:URL.admin ?>/project-types/<?cs var:Type.id ?>/deactivate"><?cs call:csrf() ?>
<button type="submit" class="danger"><?cs var:L.Admin.Types.Deactivate ?></button>
<p class="hint"><?cs var:L.Admin.Types.DeactivateHint ?></p></form>
<?cs else ?>
<form method="post" action="<?cs var:URL.admin ?>/project-types/<?cs var:Type.id ?>/activate"><?cs call:csrf() ?>
<button type="submit"><?cs var:L.Admin.Types.Activate ?></button></form>
<?cs /if ?>
</section>
