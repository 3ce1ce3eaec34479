package main

import (
	"slices"
	"testing"
)

func TestCandidateAlternates(t *testing.T) {
	words := map[string]bool{"turn": true, "anew": true}
	proper := map[string]bool{"Brezhnev": true, "Peking": true, "Karaganda": true, "Angara": true}
	given := map[string]bool{"Robert": true, "Alma": true}
	alts := []string{
		"Termez", "tai er mei zi", "TAS", "Baky", "Turn", "Brezhnev", "Robert Williams", "Alma-Ata",
		"Ustinov", "Kharkov", "Ivanov", "Mary shaary", "Andizhan - Andijon", "Nakhichevan'", "Термез", "Kurgan-Tyube",
		"Karaganda", "Angara",
	}
	own := []string{"Kharkiv", "Ivanovo", "Karagandy", "Ankara"}
	got := candidateAlternates(alts, own, words, proper, given)
	want := []string{"Termez", "Alma-Ata", "Kharkov", "Nakhichevan", "Kurgan-Tyube", "Karaganda"}
	if !slices.Equal(got, want) {
		t.Errorf("candidateAlternates = %q, want %q", got, want)
	}
}

func TestEnglishName(t *testing.T) {
	tests := []struct {
		name, country string
		alts          []string
		want          string
	}{
		{"Daşoguz", "TM", []string{"Dashoguz", "Dasoguz"}, "Dashoguz"},
		{"Kŭlob", "TJ", []string{"Kulob", "Kulyab"}, "Kulob"},
		{"Naxçıvan", "AZ", []string{"Nakhchivan"}, "Nakhchivan"},
		{"Qaraçuxur", "AZ", []string{"Garachukhur"}, "Garachukhur"}, // q as g
		{"Hacıqabul", "AZ", []string{"Haciqabul"}, "Haciqabul"},     // q as q where GeoNames has only that
		{"Şəki", "AZ", []string{"Sheki Rayon"}, ""},                 // not confirmed by GeoNames
		{"Änew", "TM", []string{"Anew", "Annau"}, ""},               // an English word
		{"Zürich", "CH", []string{"Zurich"}, ""},                    // not a national-alphabet country
		{"Khujand", "TJ", []string{"Khujand", "Khodjent"}, ""},      // nothing to spell
	}
	for _, tt := range tests {
		if got := englishName(tt.name, tt.country, tt.alts, map[string]bool{"anew": true}); got != tt.want {
			t.Errorf("englishName(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestRussianName(t *testing.T) {
	tests := []struct {
		name, country string
		alts          []string
		want          string
	}{
		{"Tirmiz", "UZ", []string{"Termez", "Termiz", "Tirmiz", "Термез", "Термиз", "Терміз"}, "Termez"},
		{"Qo'qon", "UZ", []string{"Kokand", "Qo'qon", "Коканд", "Қўқон"}, "Kokand"},
		{"Bukhara", "UZ", []string{"Bukhara", "Bukhoro", "Бухара", "Бухоро"}, ""},                // already the Russian name
		{"Andijon", "UZ", []string{"Andijan", "Andizhan", "Andizhon", "Андижан", "Андижон"}, ""}, // two candidates
		{"Kŭlob", "TJ", []string{"Kulyab", "Куляб"}, ""},                                         // Uzbekistan only
		{"Navoiy", "UZ", []string{"Navoi", "Навои"}, ""},                                         // one letter away
		{"Kogon Shahri", "UZ", []string{"Kagan", "kagan", "Каган"}, "Kagan"},                     // lowercase romanisations ignored
	}
	for _, tt := range tests {
		if got := russianName(tt.name, tt.country, tt.alts, nil); got != tt.want {
			t.Errorf("russianName(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestRussianLatin(t *testing.T) {
	for in, want := range map[string]string{"Термез": "Termez", "Худжанд": "Khujand", "Курган-Тюбе": "Kurgan-Tyube", "Қўқон": "", "Терміз": "", "Termez": ""} {
		if got := russianLatin(in); got != want {
			t.Errorf("russianLatin(%q) = %q, want %q", in, got, want)
		}
	}
}
