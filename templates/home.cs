<?cs # home.cs — the staff start page: my work ?>
<h1><?cs var:L.Home.Welcome ?><?cs if:Lang == "en" ?> <?cs /if ?><?cs var:User.Name ?></h1>
<div class="grid">
<section class="card" aria-labelledby="h-projects"><h2 id="h-projects"><?cs var:L.Home.MyProjects ?></h2>
<?cs if:subcount(Work.Projects) ?><ul class="list"><?cs each:w = Work.Projects ?><li><a href="<?cs var:w.href ?>"><?cs var:w.title ?></a></li><?cs /each ?></ul><?cs else ?><p class="empty"><?cs var:L.Home.Empty ?></p><?cs /if ?>
</section>
<section class="card" aria-labelledby="h-complaints"><h2 id="h-complaints"><?cs var:L.Home.MyComplaints ?></h2>
<?cs if:subcount(Work.Complaints) ?><ul class="list"><?cs each:w = Work.Complaints ?><li><a href="<?cs var:w.href ?>"><?cs var:w.title ?></a></li><?cs /each ?></ul><?cs else ?><p class="empty"><?cs var:L.Home.Empty ?></p><?cs /if ?>
</section>
<section class="card" aria-labelledby="h-visits"><h2 id="h-visits"><?cs var:L.Home.MyVisits ?></h2>
<?cs if:subcount(Work.Visits) ?><ul class="list"><?cs each:w = Work.Visits ?><li><a href="<?cs var:w.href ?>"><?cs var:w.title ?></a></li><?cs /each ?></ul><?cs else ?><p class="empty"><?cs var:L.Home.Empty ?></p><?cs /if ?>
</section>
<section class="card" aria-labelledby="h-contact"><h2 id="h-contact"><?cs var:L.Home.ContactDue ?></h2>
<?cs if:subcount(Work.Contact) ?><ul class="list"><?cs each:w = Work.Contact ?><li><a href="<?cs var:w.href ?>"><?cs var:w.title ?></a></li><?cs /each ?></ul><?cs else ?><p class="empty"><?cs var:L.Home.Empty ?></p><?cs /if ?>
</section>
</div>
