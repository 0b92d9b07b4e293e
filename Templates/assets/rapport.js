// Rapport progressive enhancement (placeholder)
