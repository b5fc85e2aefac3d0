<?cs # after_refused.cs — an action after the report that cannot be done now, and why (After.Msg); the report as it is ?>
<?cs include:"visits/after_report.cs" ?>
