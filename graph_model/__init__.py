"""Graph model: records, the OrgGraph, naming, errors, and the genre builders."""
