<?cs # home.cs — the staff start page: my work ?>
<h1><?cs var:L.Home.Welcome ?><?cs if:Lang == "en" ?> <?cs /if ?><?cs var:User.Name ?></h1>
<?cs if:Calendar.End ?><div class="alert alert-warn" role="status" id="calendar-short"><?cs var:L.CalendarWatch.Home ?> <?cs var:Calendar.End ?>. <a href="<?cs var:URL.admin ?>/calendar"><?cs var:L.CalendarWatch.HomeLink ?></a></div><?cs /if ?>
<?cs # one card per section of the start page (lib/programs.c: gw_work_sections) ?>
<div class="grid">
<?cs each:s = Work ?><section class="card" aria-labelledby="h-<?cs var:s.id ?>"><h2 id="h-<?cs var:s.id ?>"><?cs var:L.Home[s.word] ?></h2>
<?cs if:subcount(s.Items) ?><ul class="list"><?cs each:w = s.Items ?><li><a href="<?cs var:w.href ?>"><?cs var:w.title ?></a></li><?cs /each ?></ul><?cs else ?><p class="empty"><?cs var:L.Home.Empty ?></p><?cs /if ?>
</section>
<?cs /each ?></div>
