<?cs # projects_list.cs — the projects the user may see, with the latest slip's deadlines; overdue rows stand out ?>
<div class="toolbar"><h1><?cs var:L.Projects.Title ?></h1><span class="spacer"></span>
<?cs if:Perm.fee_collect ?><a class="button" href="<?cs var:URL.projects ?>/collections"><?cs var:L.Projects.Collections ?></a><?cs /if ?>
<?cs if:Page.CanCreate ?><a class="button primary" href="<?cs var:URL.projects ?>/new"><?cs var:L.Projects.New ?></a><?cs /if ?></div>
<?cs if:subcount(Projects) ?><div class="table-wrap"><table class="projects">
<thead><tr><th scope="col"><?cs var:L.Projects.Number ?></th><th scope="col"><?cs var:L.Projects.Client ?></th><th scope="col"><?cs var:L.Projects.Type ?></th><th scope="col"><?cs var:L.Projects.Department ?> / <?cs var:L.Projects.Lead ?></th><th scope="col"><?cs var:L.Projects.Status ?></th><th scope="col"><?cs var:L.Projects.LearnDue ?></th><th scope="col"><?cs var:L.Projects.CoachDue ?></th></tr></thead>
<tbody><?cs each:r = Projects ?><tr<?cs if:r.overdue == "1" ?> class="overdue"<?cs /if ?>>
<td><a href="<?cs var:URL.projects ?>/<?cs var:r.id ?>">#<?cs var:r.id ?></a></td>
<td><?cs var:r.client_name ?></td>
<td><?cs if:Lang == "en" ?><?cs var:r.type_en ?><?cs else ?><?cs var:r.type_zh ?><?cs /if ?></td>
<td><?cs var:r.dept_name ?><?cs if:r.lead_name ?><br><small><?cs var:r.lead_name ?></small><?cs /if ?></td>
<td><?cs var:L.Projects.Statuses[r.status] ?></td>
<td class="nowrap"><?cs var:r.learn_due ?></td>
<td class="nowrap"><?cs var:r.coach_due ?><?cs if:r.overdue == "1" ?> <span class="badge overdue"><?cs var:L.Projects.Overdue ?></span><?cs /if ?></td>
</tr>
<?cs /each ?></tbody></table></div>
<?cs else ?><p class="empty card"><?cs var:L.Projects.Empty ?></p><?cs /if ?>
