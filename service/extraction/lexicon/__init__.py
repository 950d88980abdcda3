"""Knowledge shared by every field: word lists of names and titles, name keys, the gazetteer."""
