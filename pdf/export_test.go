package pdf

// ConvertWithin is Convert with a time limit of the caller's.
var ConvertWithin = convert
