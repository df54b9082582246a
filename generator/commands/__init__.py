"""The commands beyond one report: whole folders (`batch`), next year's workbook
(`rollover`), what an updated workbook changes (`diff`). Each is a library function the
CLI and the web page call; none reads or writes anything the caller did not name."""
