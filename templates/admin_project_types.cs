<?cs # admin_project_types.cs — the project types (代理记账, 财务咨询, …) with their active steps and materials, and a form for a new type ?><?cs include:"admin_macros.cs" ?>
<?cs call:admin_nav() ?>
<h1><?cs var:L.Admin.Types.Title ?></h1>
<p class="hint"><?cs var:L.Admin.Types.Intro ?></p>
<?cs if:subcount(Types) ?>
<div class="table-wrap"><table class="admin-list" id="types">
<thead><tr><th scope="col"><?cs var:L.Admin.Types.Code ?></th><th scope="col"><?cs var:L.Admin.Types.NameZh ?></th><th scope="col"><?cs var:L.Admin.Types.NameEn ?></th><th scope="col"><?cs var:L.Admin.Types.MonthlyCol ?></th><th scope="col" class="num"><?cs var:L.Admin.Types.Steps ?></th><th scope="col" class="num"><?cs var:L.Admin.Types.Materials ?></th><th scope="col"><?cs var:L.Admin.Types.Status ?></th></tr></thead>
<tbody><?cs each:t = Types ?><tr id="type-<?cs var:t.code ?>">
<td><a href="<?cs var:URL.admin ?>/project-types/<?cs var:t.id ?>"><?cs var:t.code ?></a></td>
<td><?cs var:t.name_zh ?></td><td><?cs var:t.name_en ?></td>
<td><?cs if:t.monthly == 1 ?><?cs var:L.Common.Yes ?><?cs else ?><?cs var:L.Common.No ?><?cs /if ?></td>
<td class="num"><?cs var:t.steps ?></td><td class="num"><?cs var:t.materials ?></td>
<td><?cs if:t.active == 1 ?><span class="badge"><?cs var:L.Admin.Users.Active ?></span><?cs else ?><span class="badge off"><?cs var:L.Admin.Users.Inactive ?></span><?cs /if ?></td>
</tr>
<?cs /each ?></tbody></table></div>
<?cs else ?><p class="empty"><?cs var:L.Admin.Types.Empty ?></p><?cs /if ?>
<section class="card admin-gap" aria-labelledby="h-new-type">
<h2 id="h-new-type"><?cs var:L.Admin.Types.New ?></h2>
<?cs call:form_errors() ?>
<form method="post" action="<?cs var:URL.admin ?>/project-types" class="form"><?cs call:csrf() ?>
<div class="form-grid">
<?cs call:field("code", L.Admin.Types.Code, "text", 1) ?>
<?cs call:field("name_zh", L.Admin.Types.NameZh, "text", 1) ?>
<?cs call:field("name_en", L.Admin.Types.NameEn, "text", 1) ?>
</div>
<p class="hint"><?cs var:L.Admin.Types.CodeHint ?></p>
<?cs call:checkbox("monthly", L.Admin.Types.Monthly) ?>
<div class="actions"><button type="submit" class="primary"><?cs var:L.Admin.Types.Create ?></button></div>
</form>
</section>
