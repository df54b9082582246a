"""`lkjip serve`: a local web page that runs the pipeline on a dropped workbook."""
